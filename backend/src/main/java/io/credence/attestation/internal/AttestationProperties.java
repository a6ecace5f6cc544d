package io.credence.attestation.internal;

import java.math.BigInteger;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code credence.attestation.*}.
 *
 * @param openingKey AES-256 key (64 hex digits or base64 of 32 bytes) sealing the commitment
 *     openings at rest; secret, never logged. Without it nothing can be issued.
 * @param openingKeyFile used only when no {@code openingKey} is set: a file holding the key,
 *     created with a random key (owner-only permissions) on first use. For the single-process
 *     default run; deployments with several instances set {@code openingKey}.
 * @param outbox the mint and revocation outbox
 */
@ConfigurationProperties("credence.attestation")
public record AttestationProperties(String openingKey, String openingKeyFile, Outbox outbox) {

  public AttestationProperties {
    outbox =
        outbox == null
            ? new Outbox(null, null, null, null, null, null, null, null, null, null)
            : outbox;
  }

  @Override
  public String toString() {
    return "AttestationProperties[openingKey=" + (openingKey == null ? "absent" : "[secret]") + "]";
  }

  /**
   * @param runJobs whether this instance processes the outbox (default true)
   * @param pollingInterval how often the job engine looks for due work (default 1s)
   * @param every the outbox task's fixed delay between runs (default 1s)
   * @param lease how long a claimed row stays this instance's (default 2m); a dead instance's rows
   *     are taken over after it
   * @param receiptTimeout how long one run waits for a receipt before leaving it to the next run
   *     (default 30s)
   * @param retryBackoff first retry delay, doubled per attempt up to 10 minutes (default 2s)
   * @param maxAttempts attempts before a mint is reported failed (default 12)
   * @param batchSize most mints in one {@code mintBatch} (default 16)
   * @param revalidateEvery how often live attestations are re-checked against a fresh score when
   *     the history changed (default 1m)
   * @param minRelayerBalanceWei below this the relayer health is DOWN (default 0.01 ether)
   */
  public record Outbox(
      Boolean runJobs,
      Duration pollingInterval,
      Duration every,
      Duration lease,
      Duration receiptTimeout,
      Duration retryBackoff,
      Integer maxAttempts,
      Integer batchSize,
      Duration revalidateEvery,
      BigInteger minRelayerBalanceWei) {

    public Outbox {
      runJobs = runJobs == null || runJobs;
      pollingInterval = pollingInterval == null ? Duration.ofSeconds(1) : pollingInterval;
      every = every == null ? Duration.ofSeconds(1) : every;
      lease = lease == null ? Duration.ofMinutes(2) : lease;
      receiptTimeout = receiptTimeout == null ? Duration.ofSeconds(30) : receiptTimeout;
      retryBackoff = retryBackoff == null ? Duration.ofSeconds(2) : retryBackoff;
      maxAttempts = maxAttempts == null ? 12 : maxAttempts;
      batchSize = batchSize == null ? 16 : batchSize;
      revalidateEvery = revalidateEvery == null ? Duration.ofMinutes(1) : revalidateEvery;
      minRelayerBalanceWei =
          minRelayerBalanceWei == null ? BigInteger.TEN.pow(16) : minRelayerBalanceWei;
    }
  }
}
