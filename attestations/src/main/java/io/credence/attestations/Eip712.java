package io.credence.attestations;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * The EIP-712 encoding shared by Java, the registry contract and wallets. The domain is {@code
 * {name: "Credence", version: "1"}} with no chainId and no verifyingContract, so one issuer
 * signature (and one revocation) is valid on every chain; docs/attestations.md explains why that is
 * safe. This class mirrors {@code CredenceRegistry.uidOf/revocationDigest/consentDigest}; tests
 * check it against the contract and against ethers' {@code TypedDataEncoder}.
 */
public final class Eip712 {

  public static final String DOMAIN_NAME = "Credence";
  public static final String DOMAIN_VERSION = "1";

  public static final String ATTESTATION_TYPE =
      "CreditAttestation(bytes32 schema,address issuer,address recipient,bytes commitment,"
          + "uint8 statementKind,uint16 lo,uint16 hi,bytes32 modelId,bytes32 proofHash,"
          + "uint64 issuedAt,uint64 expiresAt,uint256 nonce)";
  public static final String REVOCATION_TYPE = "Revocation(bytes32 uid)";
  public static final String CONSENT_TYPE =
      "MintConsent(bytes32 uid,uint256 chainId,address registry)";

  /** Application label of the range proof's transcript ({@code io.credence.zk.Transcript}). */
  public static final String TRANSCRIPT_LABEL = "credence/attestation/v1";

  private static final byte[] DOMAIN_SEPARATOR =
      keccak(
          keccak("EIP712Domain(string name,string version)"),
          keccak(DOMAIN_NAME),
          keccak(DOMAIN_VERSION));
  private static final byte[] PROOF_CONTEXT_LABEL = keccak("credence.attestation.proof-context.v1");

  private Eip712() {}

  /** The uid of an attestation: its EIP-712 digest, the same on every chain. */
  public static Bytes32 uid(CreditAttestation a) {
    byte[] structHash =
        keccak(
            keccak(ATTESTATION_TYPE),
            a.schema().bytes(),
            word(a.issuer().toUint().getValue()),
            word(a.recipient().toUint().getValue()),
            keccak(a.commitment().toUncompressed()),
            word(BigInteger.valueOf(a.statementKind())),
            word(BigInteger.valueOf(a.lo())),
            word(BigInteger.valueOf(a.hi())),
            a.modelId().bytes(),
            a.proofHash().bytes(),
            word(BigInteger.valueOf(a.issuedAt().getEpochSecond())),
            word(BigInteger.valueOf(a.expiresAt().getEpochSecond())),
            word(a.nonce()));
    return digest(structHash);
  }

  /** Digest an issuer signs to revoke {@code uid} on every chain. */
  public static Bytes32 revocationDigest(Bytes32 uid) {
    return digest(keccak(keccak(REVOCATION_TYPE), uid.bytes()));
  }

  /**
   * Digest a recipient signs to consent to {@code uid} being minted on the registry at {@code
   * registry} on chain {@code chainId}; the consent is worthless on any other chain or registry.
   */
  public static Bytes32 consentDigest(Bytes32 uid, long chainId, Address registry) {
    return digest(
        keccak(
            keccak(CONSENT_TYPE),
            uid.bytes(),
            word(BigInteger.valueOf(chainId)),
            word(registry.toUint().getValue())));
  }

  /**
   * The context bytes the range proof's transcript absorbs: {@code abi.encode(label, schema,
   * issuer, recipient, modelId, nonce)}. They bind the proof to the attestation it backs
   * (everything but the proof hash itself, which cannot be known before the proof).
   */
  public static byte[] proofContext(CreditAttestation a) {
    return Numeric.hexStringToByteArray(
        Numeric.toHexString(PROOF_CONTEXT_LABEL)
            + Numeric.toHexStringNoPrefix(a.schema().bytes())
            + Numeric.toHexStringNoPrefix(word(a.issuer().toUint().getValue()))
            + Numeric.toHexStringNoPrefix(word(a.recipient().toUint().getValue()))
            + Numeric.toHexStringNoPrefix(a.modelId().bytes())
            + Numeric.toHexStringNoPrefix(word(a.nonce())));
  }

  /** keccak-256 of the proof bytes, as the registry computes it. */
  public static Bytes32 proofHash(byte[] proof) {
    return Bytes32.of(Hash.sha3(proof));
  }

  /**
   * Signs a digest with the raw secp256k1 key (no EIP-191 prefix): 65 bytes r ‖ s ‖ v, v ∈ {27,
   * 28}, low-s as OpenZeppelin's ECDSA requires.
   */
  public static byte[] sign(Bytes32 digest, org.web3j.crypto.ECKeyPair key) {
    Sign.SignatureData sig = Sign.signMessage(digest.bytes(), key, false);
    byte[] out = new byte[65];
    System.arraycopy(sig.getR(), 0, out, 0, 32);
    System.arraycopy(sig.getS(), 0, out, 32, 32);
    out[64] = sig.getV()[0];
    return out;
  }

  /**
   * Recovers the address that signed {@code digest}.
   *
   * @throws java.security.SignatureException if the signature is malformed, has a high s or
   *     recovers no key
   */
  public static String recover(Bytes32 digest, byte[] signature)
      throws java.security.SignatureException {
    if (signature.length != 65) {
      throw new java.security.SignatureException("signature must be 65 bytes r ‖ s ‖ v");
    }
    byte v = signature[64];
    if (v == 0 || v == 1) {
      v += 27;
    }
    byte[] r = java.util.Arrays.copyOfRange(signature, 0, 32);
    byte[] s = java.util.Arrays.copyOfRange(signature, 32, 64);
    if (new BigInteger(1, s).compareTo(Sign.CURVE_PARAMS.getN().shiftRight(1)) > 0) {
      throw new java.security.SignatureException("high-s signature");
    }
    try {
      BigInteger key = Sign.signedMessageHashToKey(digest.bytes(), new Sign.SignatureData(v, r, s));
      return Keys.toChecksumAddress(Keys.getAddress(key));
    } catch (IllegalArgumentException | java.security.SignatureException e) {
      throw new java.security.SignatureException("signature does not recover a key", e);
    }
  }

  private static Bytes32 digest(byte[] structHash) {
    return Bytes32.of(keccak(new byte[] {0x19, 0x01}, DOMAIN_SEPARATOR, structHash));
  }

  private static byte[] word(BigInteger v) {
    return Numeric.toBytesPadded(v, 32);
  }

  private static byte[] keccak(String s) {
    return Hash.sha3(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] keccak(byte[]... parts) {
    int len = 0;
    for (byte[] p : parts) {
      len += p.length;
    }
    byte[] all = new byte[len];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, off, p.length);
      off += p.length;
    }
    return Hash.sha3(all);
  }
}
