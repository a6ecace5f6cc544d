package io.credence.lender.internal;

import io.credence.attestation.AttestationUid;
import io.credence.attestation.Attestations;
import io.credence.attestation.ChainStatus;
import io.credence.attestation.StoredAttestation;
import io.credence.attestations.Bytes32;
import io.credence.attestations.RegistryClient;
import io.credence.attestations.RegistryException;
import io.credence.history.ChainRegistries;
import io.credence.history.ChainRegistries.ChainRegistry;
import io.credence.lender.internal.VerificationResult.StatementView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.web3j.abi.datatypes.Address;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The public view of a stored attestation: the fields its package shows (minus the presentation
 * address), whether it is revoked, the issuer's per-chain mint state, and its status read live from
 * every configured registry.
 *
 * <p>Left out on purpose: the recipient, the owner, the score run, why it was revoked (a re-score
 * after a liquidation would tell a lender about the borrower's history) and what superseded it
 * (that would link two presentation addresses of one borrower).
 */
@Service
public class PublicAttestations {

  private final Attestations attestations;
  private final ChainRegistries registries;
  private final Clock clock;

  PublicAttestations(Attestations attestations, ChainRegistries registries, Clock clock) {
    this.attestations = attestations;
    this.registries = registries;
    this.clock = clock;
  }

  /**
   * @param uid 0x + 64 hex digits
   * @throws LenderProblem {@code attestation-not-found} for a malformed or unknown uid
   */
  public PublicAttestationView view(String uid) {
    AttestationUid id;
    try {
      id = AttestationUid.parse(uid);
    } catch (IllegalArgumentException e) {
      throw LenderProblem.attestationNotFound();
    }
    StoredAttestation stored =
        attestations.find(id).orElseThrow(LenderProblem::attestationNotFound);
    var a = stored.credential().attestation();
    List<ChainView> chains = new ArrayList<>();
    for (ChainRegistry registry : registries.all()) {
      Optional<ChainStatus> issuerView =
          stored.chains().stream().filter(c -> c.chainId() == registry.chainId()).findFirst();
      chains.add(
          new ChainView(
              registry.chainId(),
              registry.registryAddress(),
              issuerView.map(c -> c.state().name()).orElse(ChainStatus.State.NOT_REQUESTED.name()),
              issuerView.map(ChainStatus::txHash).orElse(null),
              issuerView.map(ChainStatus::block).orElse(null),
              onChain(registry, stored.credential().uid())));
    }
    Instant now = clock.instant();
    return new PublicAttestationView(
        id.toString(),
        a.issuer().toString(),
        CredentialVerifications.statement(a.statement()),
        a.modelId().hex(),
        a.issuedAt(),
        a.expiresAt(),
        !now.isBefore(a.expiresAt()),
        stored.revokedAt() != null,
        stored.revokedAt(),
        chains);
  }

  private static OnChain onChain(ChainRegistry chain, Bytes32 uid) {
    Web3j web3j = Web3j.build(new HttpService(chain.rpcUrl()));
    try {
      RegistryClient registry =
          RegistryClient.at(
              web3j,
              new ReadonlyTransactionManager(web3j, Address.DEFAULT.toString()),
              new DefaultGasProvider(),
              chain.registryAddress());
      var record = registry.getAttestation(uid);
      boolean revoked = record.map(r -> r.revoked()).orElse(false);
      return new OnChain(
          record.isPresent(), revoked, record.isPresent() && registry.isValid(uid), null);
    } catch (RegistryException e) {
      // Never the RPC URL or the node's message: only that this chain could not be read.
      return new OnChain(null, null, null, "registry unreachable");
    } finally {
      web3j.shutdown();
    }
  }

  /**
   * @param expired expiresAt has passed
   * @param revoked the issuer revoked it (relayed to every chain by the outbox)
   * @param chains every configured chain
   */
  public record PublicAttestationView(
      String uid,
      String issuer,
      StatementView statement,
      String modelId,
      Instant issuedAt,
      Instant expiresAt,
      boolean expired,
      boolean revoked,
      Instant revokedAt,
      List<ChainView> chains) {}

  /**
   * @param state the issuer's mint state (PENDING, SUBMITTED, MINTED, REVOKED, NOT_REQUESTED, …)
   * @param txHash the mint (or revocation) transaction, if any
   * @param onChain read from the chain's registry now
   */
  public record ChainView(
      long chainId, String registry, String state, String txHash, Long block, OnChain onChain) {}

  /**
   * @param minted the registry holds it
   * @param revoked the registry records it revoked
   * @param valid minted, not revoked, not expired, issuer key not suspended for it
   * @param error set (and the rest null) when the registry could not be read
   */
  public record OnChain(Boolean minted, Boolean revoked, Boolean valid, String error) {}
}
