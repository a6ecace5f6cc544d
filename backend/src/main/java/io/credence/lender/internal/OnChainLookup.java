package io.credence.lender.internal;

import io.credence.attestations.Bytes32;
import io.credence.attestations.RegistryClient;
import io.credence.attestations.RegistryException;
import io.credence.history.ChainRegistries;
import io.credence.history.ChainRegistries.ChainRegistry;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.web3j.abi.datatypes.Address;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * Reads an attestation's (by uid) or a presentation address's status from the registry on every
 * configured chain (issue 16, the lender's "look up" page). Read-only calls; only public on-chain
 * state is returned, and an unreadable chain is reported as such, never as "not minted".
 */
@Component
public class OnChainLookup {

  private static final String NOBODY = "0x0000000000000000000000000000000000000000";

  private final ChainRegistries registries;
  private final ConcurrentHashMap<Long, Web3j> clients = new ConcurrentHashMap<>();

  OnChainLookup(ChainRegistries registries) {
    this.registries = registries;
  }

  /**
   * One chain's answer.
   *
   * @param found minted here (uid) / holds a valid attestation here (address)
   * @param valid minted, not revoked, not expired
   * @param statement e.g. {@code band 750–850} or {@code score ≥ 650}, or null
   * @param error the chain could not be read, or null
   */
  public record ChainAnswer(
      long chainId,
      String chain,
      boolean found,
      boolean valid,
      boolean revoked,
      String statement,
      Instant expiresAt,
      String error) {}

  /** The attestation {@code uid} (0x + 64 hex) on every registry. */
  public List<ChainAnswer> byUid(String uid) {
    Bytes32 id = Bytes32.parse(uid);
    List<ChainAnswer> out = new ArrayList<>();
    for (ChainRegistry r : registries.all()) {
      try {
        RegistryClient client = client(r);
        var record = client.getAttestation(id);
        boolean revoked =
            record.map(RegistryClient.OnChainAttestation::revoked).orElse(false)
                || client.isRevokedByAdmin(id);
        out.add(
            new ChainAnswer(
                r.chainId(),
                r.name(),
                record.isPresent(),
                record.isPresent() && client.isValid(id),
                revoked,
                record.map(a -> statement(a.statementKind(), a.lo(), a.hi())).orElse(null),
                record.map(RegistryClient.OnChainAttestation::expiresAt).orElse(null),
                null));
      } catch (RegistryException | RuntimeException e) {
        out.add(unreadable(r));
      }
    }
    return out;
  }

  /** What {@code bandOf(address)} says on every registry. */
  public List<ChainAnswer> byAddress(String address) {
    List<ChainAnswer> out = new ArrayList<>();
    for (ChainRegistry r : registries.all()) {
      try {
        RegistryClient.BandStatus band = client(r).bandOf(new Address(address));
        out.add(
            new ChainAnswer(
                r.chainId(),
                r.name(),
                band.valid(),
                band.valid(),
                false,
                band.valid() ? "band " + band.lo() + "–" + band.hi() : null,
                band.valid() ? band.expiresAt() : null,
                null));
      } catch (RegistryException | RuntimeException e) {
        out.add(unreadable(r));
      }
    }
    return out;
  }

  private static ChainAnswer unreadable(ChainRegistry r) {
    return new ChainAnswer(
        r.chainId(), r.name(), false, false, false, null, null, "this chain could not be read");
  }

  /** Statement kind 1 is a threshold (lo = t), 2 a band. */
  private static String statement(int kind, int lo, int hi) {
    return kind == 1 ? "score ≥ " + lo : "band " + lo + "–" + hi;
  }

  private RegistryClient client(ChainRegistry r) {
    Web3j web3j =
        clients.computeIfAbsent(r.chainId(), id -> Web3j.build(new HttpService(r.rpcUrl())));
    return RegistryClient.at(
        web3j,
        new ReadonlyTransactionManager(web3j, NOBODY),
        new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO),
        r.registryAddress());
  }
}
