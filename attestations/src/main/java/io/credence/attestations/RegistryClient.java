package io.credence.attestations;

import io.credence.attestations.RegistryException.Reason;
import io.credence.attestations.contracts.BulletproofsRangeVerifier;
import io.credence.attestations.contracts.CredenceRegistry;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 *
 * <p>Revocations: {@link #revoke(AttestationIssuer, Bytes32)} revokes with the issuer's signed,
 * portable form and returns it; {@link #relay} records a {@link SignedRevocation} on this registry
 * (idempotent), which is what a relayer (the backend's outbox) calls for every configured chain.
 */
public final class RegistryClient {

  /** Reference to a minted attestation's transaction. */
  public record MintReceipt(Bytes32 uid, TransactionReceipt receipt) {}

  /** {@code bandOf(holder)}: the holder's current attestation. */
  public record BandStatus(int lo, int hi, Instant expiresAt, boolean valid) {}

  /**
   * What the registry stores of a minted attestation (schema and model id are in the {@code Minted}
   * event and the credential package, not in storage).
   */
  public record OnChainAttestation(
      Address recipient,
      Address issuer,
      int statementKind,
      int lo,
      int hi,
      Instant issuedAt,
      Instant expiresAt,
      boolean revoked) {}

  /**
   * One item of {@link #mintBatch}: a package, and the recipient's consent signature over {@link
   * #consentDigest} (empty when the sender is the recipient).
   */
  public record MintRequest(CredentialPackage pkg, byte[] consentSignature) {
    public MintRequest {
      Objects.requireNonNull(pkg);
      consentSignature = consentSignature.clone();
    }

    /** An item the sender mints as its own recipient. */
    public static MintRequest bySender(CredentialPackage pkg) {
      return new MintRequest(pkg, new byte[0]);
    }

    @Override
    public byte[] consentSignature() {
      return consentSignature.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MintRequest r
          && pkg.equals(r.pkg)
          && java.util.Arrays.equals(consentSignature, r.consentSignature);
    }

    @Override
    public int hashCode() {
      return 31 * pkg.hashCode() + java.util.Arrays.hashCode(consentSignature);
    }

    @Override
    public String toString() {
      return "MintRequest[" + pkg.uid().hex() + "]";
    }
  }

  /**
   * The outcome of one batch item: minted, or the check it failed ({@link RegistryException} with
   * the contract's reason; not thrown).
   */
  public record BatchItem(Bytes32 uid, Optional<RegistryException> failure) {
    public boolean minted() {
      return failure.isEmpty();
    }
  }

  /** A mined {@link #mintBatch} transaction and its per-item outcomes, in request order. */
  public record BatchReceipt(TransactionReceipt receipt, List<BatchItem> items) {
    public BatchReceipt {
      items = List.copyOf(items);
    }
  }

  /**
   * Longest validity the registry accepts by default: as {@link
   * AttestationIssuer#DEFAULT_VALIDITY}.
   */
  public static final Duration DEFAULT_MAX_VALIDITY = AttestationIssuer.DEFAULT_VALIDITY;

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
   * Deploys a range-proof verifier and a registry administered by {@code admin} that accepts
   * validities up to {@link #DEFAULT_MAX_VALIDITY}.
   *
   * @throws RegistryException if a deployment fails
   */
  public static RegistryClient deploy(
      Web3j web3j, TransactionManager tx, ContractGasProvider gas, Address admin)
      throws RegistryException {
    return deploy(web3j, tx, gas, admin, DEFAULT_MAX_VALIDITY);
  }

  /**
   * Deploys a range-proof verifier and a registry administered by {@code admin} that refuses
   * attestations valid for longer than {@code maxValidity}.
   *
   * @throws RegistryException if a deployment fails
   */
  public static RegistryClient deploy(
      Web3j web3j,
      TransactionManager tx,
      ContractGasProvider gas,
      Address admin,
      Duration maxValidity)
      throws RegistryException {
    try {
      BulletproofsRangeVerifier verifier = BulletproofsRangeVerifier.deploy(web3j, tx, gas).send();
      CredenceRegistry registry =
          CredenceRegistry.deploy(
                  web3j,
                  tx,
                  gas,
                  admin.toString(),
                  verifier.getContractAddress(),
                  BigInteger.valueOf(maxValidity.toSeconds()))
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
   * Takes ISSUER_ROLE away (sender must be an admin); the registry also suspends the key from now,
   * so attestations it issues later are invalid. Key rotation: {@link #authorizeIssuer} the new
   * key, then remove the old one.
   */
  public TransactionReceipt removeIssuer(Address issuer) throws RegistryException {
    byte[] role = read(registry.ISSUER_ROLE());
    return send(registry.revokeRole(role, issuer.toString()));
  }

  /**
   * Suspends an issuer key from {@code from} (sender must be an admin): its attestations issued at
   * or after {@code from} are invalid in every view and it can mint nothing any more.
   *
   * @throws RegistryException {@link Reason#INVALID_SUSPENSION} if {@code from} is not earlier than
   *     an existing suspension, {@link Reason#ACCESS_DENIED} if the sender is not an admin
   */
  public TransactionReceipt suspendIssuer(Address issuer, Instant from) throws RegistryException {
    return send(
        registry.suspendIssuer(issuer.toString(), BigInteger.valueOf(from.getEpochSecond())));
  }

  /** The time from which {@code issuer} is suspended, if it is. */
  public Optional<Instant> suspendedFrom(Address issuer) throws RegistryException {
    long from = read(registry.suspendedFrom(issuer.toString())).longValueExact();
    return from == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(from));
  }

  /** The digest the recipient signs so that someone else may mint {@code uid} on this registry. */
  public Bytes32 consentDigest(Bytes32 uid) throws RegistryException {
    return Bytes32.of(read(registry.consentDigest(uid.bytes())));
  }

  /**
   * Mints the package's attestation; the sender must be its recipient.
   *
   * @throws RegistryException naming the failed check (timestamps, statement, validity, future
   *     date, expiry, issuer signature, authorisation, suspension, consent, already minted,
   *     revoked, proof hash, proof)
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

  /**
   * Mints many attestations in one transaction with one aggregated range-proof check. Items that
   * fail a check are skipped (their outcome names the reason) and do not stop the others.
   *
   * @throws RegistryException if the whole call fails (transport, gas), never for one bad item
   */
  public BatchReceipt mintBatch(List<MintRequest> requests) throws RegistryException {
    List<CredenceRegistry.MintRequest> structs = new ArrayList<>();
    for (MintRequest r : requests) {
      structs.add(
          new CredenceRegistry.MintRequest(
              struct(r.pkg().attestation()),
              r.pkg().issuerSignature(),
              r.pkg().proof(),
              r.consentSignature()));
    }
    RemoteFunctionCall<TransactionReceipt> call = registry.mintBatch(structs);
    List<byte[]> preflight = batchResults(simulate(call.encodeFunctionCall()));
    TransactionReceipt receipt;
    try {
      receipt = call.send();
    } catch (Exception e) {
      throw failure(e);
    }
    Set<Bytes32> minted = new HashSet<>();
    for (var event : CredenceRegistry.getMintedEvents(receipt)) {
      minted.add(Bytes32.of(event.uid));
    }
    List<BatchItem> items = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      Bytes32 uid = requests.get(i).pkg().uid();
      if (minted.remove(uid)) {
        items.add(new BatchItem(uid, Optional.empty()));
      } else {
        byte[] why = i < preflight.size() ? preflight.get(i) : new byte[0];
        items.add(
            new BatchItem(
                uid,
                Optional.of(
                    why.length == 0
                        ? new RegistryException(
                            Reason.OTHER_REVERT, "not minted (state changed)", receipt, null)
                        : RevertDecoder.decode(Numeric.toHexString(why), "item rejected"))));
      }
    }
    return new BatchReceipt(receipt, items);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<byte[]> batchResults(String returnData) {
    List<org.web3j.abi.datatypes.Type> decoded =
        org.web3j.abi.FunctionReturnDecoder.decode(
            returnData,
            (List)
                List.of(
                    new org.web3j.abi.TypeReference<
                        org.web3j.abi.datatypes.DynamicArray<
                            org.web3j.abi.datatypes.DynamicBytes>>() {}));
    List<byte[]> out = new ArrayList<>();
    if (decoded.isEmpty()) {
      return out;
    }
    for (Object b : ((org.web3j.abi.datatypes.DynamicArray) decoded.get(0)).getValue()) {
      out.add(((org.web3j.abi.datatypes.DynamicBytes) b).getValue());
    }
    return out;
  }

  /**
   * Direct revocation on this registry only: the sender must be the attestation's issuer (minted
   * here) or an admin (any uid, minted or not). Prefer {@link #revoke(AttestationIssuer, Bytes32)},
   * whose signed form every other registry accepts too.
   */
  public TransactionReceipt revoke(Bytes32 uid) throws RegistryException {
    return send(registry.revoke(uid.bytes()));
  }

  /**
   * Revokes {@code uid} here with {@code issuer}'s signed, portable revocation and returns it, so
   * the caller can relay the same revocation to every other registry ({@link #relay}).
   */
  public SignedRevocation revoke(AttestationIssuer issuer, Bytes32 uid) throws RegistryException {
    SignedRevocation revocation = issuer.revocation(uid);
    relay(revocation);
    return revocation;
  }

  /**
   * Records a signed revocation on this registry (any sender; before or after the attestation is
   * minted here; the signer need not be an issuer here yet). Sends nothing if it is already
   * recorded, so relaying is idempotent.
   *
   * @return the receipt, or empty if the revocation was already recorded
   * @throws RegistryException {@link Reason#INVALID_REVOCATION_SIGNATURE} if the signature is not
   *     the named signer's
   */
  public Optional<TransactionReceipt> relay(SignedRevocation revocation) throws RegistryException {
    if (isRevokedBy(revocation.uid(), revocation.signer())) {
      return Optional.empty();
    }
    return Optional.of(
        send(
            registry.revokeWithSignature(
                revocation.uid().bytes(), revocation.signer().toString(), revocation.signature())));
  }

  /** Whether a revocation of {@code uid} by {@code signer} is recorded here. */
  public boolean isRevokedBy(Bytes32 uid, Address signer) throws RegistryException {
    return read(registry.revokedBy(uid.bytes(), signer.toString()));
  }

  /** Whether an admin of this registry revoked {@code uid} here. */
  public boolean isRevokedByAdmin(Bytes32 uid) throws RegistryException {
    return isRevokedBy(uid, address());
  }

  /** The holder's current attestation (valid or not), if it has one here. */
  public Optional<Bytes32> currentOf(Address holder) throws RegistryException {
    Bytes32 uid = Bytes32.of(read(registry.currentOf(holder.toString())));
    return uid.equals(Bytes32.of(new byte[32])) ? Optional.empty() : Optional.of(uid);
  }

  /** ERC-721 balance: unburned (unrevoked) attestations minted here to {@code holder}. */
  public long balanceOf(Address holder) throws RegistryException {
    return read(registry.balanceOf(holder.toString())).longValueExact();
  }

  /**
   * Whether {@code signature} over {@code digest} is valid for {@code signer} now, on this chain
   * (ECDSA for an EOA, ERC-1271 for a contract such as a multisig issuer).
   */
  public boolean isValidSignatureNow(Address signer, Bytes32 digest, byte[] signature)
      throws RegistryException {
    return read(registry.isValidSignatureNow(signer.toString(), digest.bytes(), signature));
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
              r.revoked));
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

  private String simulate(String data) throws RegistryException {
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
    return result.getValue();
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
