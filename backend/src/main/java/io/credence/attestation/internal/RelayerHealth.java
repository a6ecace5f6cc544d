package io.credence.attestation.internal;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code relayer}: the relayer's balance per chain with a registry. DOWN when a balance is below
 * {@code credence.attestation.outbox.min-relayer-balance-wei} (mints and revocations would fail);
 * UNKNOWN when no relayer key is configured or a chain cannot be read.
 */
@Component("relayer")
class RelayerHealth implements HealthIndicator {

  private final MintOutbox outbox;
  private final AttestationChains chains;
  private final AttestationProperties properties;

  RelayerHealth(MintOutbox outbox, AttestationChains chains, AttestationProperties properties) {
    this.outbox = outbox;
    this.chains = chains;
    this.properties = properties;
  }

  @Override
  public Health health() {
    ChainGateway gateway = outbox.gateway();
    if (gateway == null) {
      return Health.unknown().withDetail("relayer", "not configured").build();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("address", gateway.relayerAddress());
    boolean low = false;
    boolean unreadable = false;
    for (AttestationChains.Chain chain : chains.withRegistry()) {
      try {
        BigInteger balance = gateway.balance(chain);
        details.put("balanceWei." + chain.id(), balance.toString());
        if (balance.compareTo(properties.outbox().minRelayerBalanceWei()) < 0) {
          low = true;
          details.put("outOfFunds." + chain.id(), true);
        }
      } catch (Exception e) {
        unreadable = true;
        details.put("unreachable." + chain.id(), true);
      }
    }
    Health.Builder builder = low ? Health.down() : unreadable ? Health.unknown() : Health.up();
    return builder.withDetails(details).build();
  }
}
