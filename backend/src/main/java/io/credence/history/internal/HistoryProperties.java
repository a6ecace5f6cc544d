package io.credence.history.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code credence.history.*}: the sync job engine.
 *
 * @param instanceName prefix of this instance's db-scheduler name (shown in {@code picked_by})
 * @param workerThreads concurrent sync jobs per instance
 * @param pollingInterval how often an instance looks for due jobs
 * @param heartbeatInterval how often a running job proves its instance alive; a job whose heartbeat
 *     stops (killed instance) is run again elsewhere
 * @param retryBackoff first retry delay of a failed chain; doubles per attempt
 * @param runJobs whether this instance runs sync jobs; {@code false} only queues them (tests turn
 *     it off where no chain is configured, so their schedulers do not take other tests' jobs)
 * @param shutdownMaxWait how long a stopping instance waits for running jobs before interrupting
 *     them (an interrupted job fails and is retried, by any instance)
 */
@Validated
@ConfigurationProperties("credence.history")
public record HistoryProperties(
    @DefaultValue("credence") @NotBlank String instanceName,
    @DefaultValue("4") @Positive int workerThreads,
    @DefaultValue("2s") @NotNull Duration pollingInterval,
    @DefaultValue("5m") @NotNull Duration heartbeatInterval,
    @DefaultValue("10s") @NotNull Duration retryBackoff,
    @DefaultValue("true") boolean runJobs,
    @DefaultValue("30s") @NotNull Duration shutdownMaxWait) {}
