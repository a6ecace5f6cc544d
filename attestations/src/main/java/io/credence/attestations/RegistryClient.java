package io.credence.attestations;

import io.credence.attestations.RegistryException.Reason;
import io.credence.attestations.contracts.BulletproofsRangeVerifier;
import io.credence.attestations.contracts.CredenceRegistry;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.web3j.abi.datatypes.Address;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.utils.Numeric;

/**
 * Java client of the {@code CredenceRegistry} contract: deploy, mint, revoke, read. The caller
 * supplies the {@link TransactionManager} (which key signs, which chain id) and the gas provider.
 *
 * <p>Every state-changing call is first simulated with {@code eth_call}, so a revert surfaces as a
 * {@link RegistryException} whose {@link RegistryException#reason()} names the contract's custom
 * error, and no failing transaction is sent.
 */
public final class RegistryClient {

  /** Reference to a minted attestation's transaction. */
  public record MintReceipt(Bytes32 uid, TransactionReceipt receipt) {}

  /** {@code bandOf(holder)}: the holder's current attestation. */
  public record BandStatus(int lo, int hi, Instant expiresAt, boolean valid) {}

  /** What the registry stores of a minted attestation. */
  public record OnChainAttestation(
      Address recipient,
      Address issuer,
      int statementKind,
      int lo,
      int hi,
      Instant issuedAt,
      Instant expiresAt,
      boolean revoked,
      Bytes32 schema,
      Bytes32 modelId) {}

  private final Web3j web3j;
  private final TransactionManager tx;
  private final CredenceRegistry registry;

  private RegistryClient(Web3j web3j, TransactionManager tx, CredenceRegistry registry) {
    this.web3j = web3j;
    this.tx = tx;
    this.registry = registry;
  }

  /** A client of the registry deployed at {@code address}. */
  public static RegistryClient at(
      Web3j web3j, TransactionManager tx, ContractGasProvider gas, String address) {
    return new RegistryClient(web3j, tx, CredenceRegistry.load(address, web3j, tx, gas));
  }

  /**
   * Deploys a range-proof verifier and a registry administered by {@code admin}.
   *
   * @throws RegistryException if a deployment fails
   */
  public static RegistryClient deploy(
      Web3j web3j, TransactionManager tx, ContractGasProvider gas, Address admin)
      throws RegistryException {
    try {
      BulletproofsRangeVerifier verifier = BulletproofsRangeVerifier.deploy(web3j, tx, gas).send();
      CredenceRegistry registry =
          CredenceRegistry.deploy(web3j, tx, gas, admin.toString(), verifier.getContractAddress())
              .send();
      return new RegistryClient(web3j, tx, registry);
    } catch (Exception e) {
      throw failure(e);
    }
  }

  public Address address() {
    return new Address(registry.getContractAddress());
  }

  /** Address of the range-proof verifier the registry calls. */
  public Address verifier() throws RegistryException {
    return new Address(read(registry.verifier()));
  }

  /**
   * Grants ISSUER_ROLE (sender must be an admin).
   *
   * @throws RegistryException with {@link Reason#ACCESS_DENIED} if it is not
   */
  public TransactionReceipt authorizeIssuer(Address issuer) throws RegistryException {
    byte[] role = read(registry.ISSUER_ROLE());
    return send(registry.grantRole(role, issuer.toString()));
  }

  /**
   * Mints the package's attestation; the sender must be its recipient.
   *
   * @throws RegistryException naming the failed check (issuer signature, authorisation, expiry,
   *     consent, proof hash, proof, already minted, revoked)
   */
  public MintReceipt mint(CredentialPackage pkg) throws RegistryException {
    TransactionReceipt r =
        send(registry.mint(struct(pkg.attestation()), pkg.issuerSignature(), pkg.proof()));
    return new MintReceipt(pkg.uid(), r);
  }

  /**
   * Mints on behalf of the recipient, who signed {@link Eip712#consentDigest} for this chain.
   *
   * @throws RegistryException as {@link #mint}, or {@link Reason#INVALID_CONSENT}
   */
  public MintReceipt mintWithConsent(CredentialPackage pkg, byte[] consentSignature)
      throws RegistryException {
    TransactionReceipt r =
        send(
            registry.mintWithConsent(
                struct(pkg.attestation()), pkg.issuerSignature(), pkg.proof(), consentSignature));
    return new MintReceipt(pkg.uid(), r);
  }

  /** Direct revocation; the sender must be the attestation's issuer. */
  public TransactionReceipt revoke(Bytes32 uid) throws RegistryException {
    return send(registry.revoke(uid.bytes()));
  }

  /** Relays an issuer-signed portable revocation (any sender). */
  public TransactionReceipt revokeWithSignature(Bytes32 uid, byte[] issuerSignature)
      throws RegistryException {
    return send(registry.revokeWithSignature(uid.bytes(), issuerSignature));
  }

  public BandStatus bandOf(Address holder) throws RegistryException {
    var t = read(registry.bandOf(holder.toString()));
    return new BandStatus(
        t.component1().intValueExact(),
        t.component2().intValueExact(),
        Instant.ofEpochSecond(t.component3().longValueExact()),
        t.component4());
  }

  public boolean meetsThreshold(Address holder, int threshold) throws RegistryException {
    return read(registry.meetsThreshold(holder.toString(), BigInteger.valueOf(threshold)));
  }

  /** Whether {@code issuer} holds ISSUER_ROLE on this registry. */
  public boolean isIssuer(Address issuer) throws RegistryException {
    return read(registry.hasRole(read(registry.ISSUER_ROLE()), issuer.toString()));
  }

  /** Minted, not revoked and not expired. */
  public boolean isValid(Bytes32 uid) throws RegistryException {
    return read(registry.isValid(uid.bytes()));
  }

  /** The stored record, or empty if {@code uid} was never minted on this chain. */
  public Optional<OnChainAttestation> getAttestation(Bytes32 uid) throws RegistryException {
    try {
      CredenceRegistry.Record r = read(registry.getAttestation(uid.bytes()));
      return Optional.of(
          new OnChainAttestation(
              new Address(r.recipient),
              new Address(r.issuer),
              r.statementKind.intValueExact(),
              r.lo.intValueExact(),
              r.hi.intValueExact(),
              Instant.ofEpochSecond(r.issuedAt.longValueExact()),
              Instant.ofEpochSecond(r.expiresAt.longValueExact()),
              r.revoked,
              Bytes32.of(r.schema),
              Bytes32.of(r.modelId)));
    } catch (RegistryException e) {
      if (e.reason() == Reason.UNKNOWN_ATTESTATION) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The recomputed uid, from the contract (for cross-checking the Java encoding). */
  Bytes32 uidOnChain(CreditAttestation a) throws RegistryException {
    return Bytes32.of(read(registry.uidOf(struct(a))));
  }

  static CredenceRegistry.CreditAttestation struct(CreditAttestation a) {
    return new CredenceRegistry.CreditAttestation(
        a.schema().bytes(),
        a.issuer().toString(),
        a.recipient().toString(),
        a.commitment().toUncompressed(),
        BigInteger.valueOf(a.statementKind()),
        BigInteger.valueOf(a.lo()),
        BigInteger.valueOf(a.hi()),
        a.modelId().bytes(),
        a.proofHash().bytes(),
        BigInteger.valueOf(a.issuedAt().getEpochSecond()),
        BigInteger.valueOf(a.expiresAt().getEpochSecond()),
        a.nonce());
  }

  private TransactionReceipt send(RemoteFunctionCall<TransactionReceipt> call)
      throws RegistryException {
    simulate(call.encodeFunctionCall());
    try {
      return call.send();
    } catch (Exception e) {
      throw failure(e);
    }
  }

  private void simulate(String data) throws RegistryException {
    EthCall result;
    try {
      result =
          web3j
              .ethCall(
                  Transaction.createEthCallTransaction(
                      tx.getFromAddress(), registry.getContractAddress(), data),
                  DefaultBlockParameterName.LATEST)
              .send();
    } catch (IOException e) {
      throw new RegistryException(Reason.TRANSPORT, e.getMessage(), null, e);
    }
    if (result.hasError()) {
      Object revertData = result.getError().getData();
      throw RevertDecoder.decode(
          revertData == null ? null : revertData.toString().replace("\"", ""),
          result.getError().getMessage());
    }
  }

  private <T> T read(RemoteFunctionCall<T> call) throws RegistryException {
    try {
      return call.send();
    } catch (Exception e) {
      // Views revert with custom errors too (getAttestation of an unknown uid).
      simulate(call.encodeFunctionCall());
      throw failure(e);
    }
  }

  private static RegistryException failure(Exception e) {
    if (e instanceof RegistryException re) {
      return re;
    }
    if (e instanceof TransactionException te) {
      return new RegistryException(
          Reason.OTHER_REVERT, te.getMessage(), te.getTransactionReceipt().orElse(null), te);
    }
    return new RegistryException(Reason.TRANSPORT, String.valueOf(e.getMessage()), null, e);
  }

  @Override
  public String toString() {
    return "RegistryClient[" + registry.getContractAddress() + "]";
  }

  static String hex(byte[] b) {
    return Numeric.toHexString(Objects.requireNonNull(b));
  }
}
