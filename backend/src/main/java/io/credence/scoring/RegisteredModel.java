package io.credence.scoring;

import java.time.Instant;

/**
 * A model in the registry.
 *
 * @param modelId lower-case hex SHA-256 of the model artifact
 * @param version 1 for the first model ever registered, then 2, 3 … in registration order
 * @param source where the artifact came from (e.g. {@code bundled:/io/credence/...})
 * @param featureSchemaVersion the feature schema the model reads
 * @param evaluation its evaluation summary
 * @param active whether new scores use it (exactly one model is active)
 * @param registeredAt when it was first registered
 * @param usageCount score runs made with it
 */
public record RegisteredModel(
    String modelId,
    int version,
    String source,
    String featureSchemaVersion,
    EvaluationSummary evaluation,
    boolean active,
    Instant registeredAt,
    long usageCount) {}
