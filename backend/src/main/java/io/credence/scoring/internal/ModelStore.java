package io.credence.scoring.internal;

import io.credence.scoring.EvaluationSummary;
import io.credence.scoring.RegisteredModel;
import io.credence.scoring.artifact.ModelArtifacts;
import io.credence.scoring.scorecard.Scorecard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's table: registers the bundled scorecard artifact (by the SHA-256 of its bytes, with
 * its evaluation report) and makes it the active model. Idempotent; instances starting together
 * agree, because activation is one transaction and the database allows one active row.
 */
@Component
public class ModelStore {

  static final String EVALUATION = "/io/credence/scoring/model/evaluation-report.json";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Scorecard bundled;
  private final EvaluationSummary bundledEvaluation;
  private final String featureSchema;
  private volatile boolean registered;

  ModelStore(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
    ModelArtifacts.LoadedModel model = ModelArtifacts.loadBundled();
    this.bundled = model.scorecard();
    this.featureSchema = model.artifact().scorecard().featureSchemaVersion();
    this.bundledEvaluation = evaluation(bundled.modelId());
  }

  private static EvaluationSummary evaluation(String modelId) {
    try (InputStream in = ModelStore.class.getResourceAsStream(EVALUATION)) {
      if (in == null) {
        throw new IllegalStateException("bundled evaluation report missing");
      }
      JsonNode r = JSON.readTree(in.readAllBytes());
      if (!modelId.equals(r.path("modelId").asString())) {
        throw new IllegalStateException("the bundled evaluation report is of another model");
      }
      return new EvaluationSummary(
          r.path("data").asString(),
          r.path("rows").asLong(),
          r.path("defaults").asLong(),
          r.path("auc").asDouble(),
          r.path("ks").asDouble(),
          r.path("gini").asDouble(),
          r.path("brier").asDouble());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void registerAtStartUp() {
    ensureRegistered();
  }

  /** Registers the bundled model and makes it active (once per process). */
  void ensureRegistered() {
    if (registered) {
      return;
    }
    tx.executeWithoutResult(
        status -> {
          jdbc.sql("LOCK TABLE scoring_model IN SHARE ROW EXCLUSIVE MODE").update();
          jdbc.sql(
                  """
                  INSERT INTO scoring_model
                    (model_id, version, source, feature_schema, evaluation, active, registered_at)
                  SELECT ?, COALESCE(MAX(version), 0) + 1, ?, ?, ?, FALSE, ? FROM scoring_model
                  ON CONFLICT (model_id) DO NOTHING
                  """)
              .params(
                  bundled.modelId(),
                  "bundled:" + ModelArtifacts.BUNDLED_MODEL,
                  featureSchema,
                  JSON.writeValueAsString(bundledEvaluation),
                  Timestamp.from(clock.instant()))
              .update();
          jdbc.sql("UPDATE scoring_model SET active = FALSE WHERE active AND model_id <> ?")
              .param(bundled.modelId())
              .update();
          jdbc.sql("UPDATE scoring_model SET active = TRUE WHERE model_id = ?")
              .param(bundled.modelId())
              .update();
        });
    registered = true;
  }

  public List<RegisteredModel> models() {
    ensureRegistered();
    Map<String, Long> usage =
        jdbc
            .sql("SELECT model_id, count(*) FROM score_run GROUP BY model_id")
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
            .list()
            .stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    return jdbc.sql(
            "SELECT model_id, version, source, feature_schema, evaluation, active, registered_at"
                + " FROM scoring_model ORDER BY version")
        .query(
            (rs, n) ->
                new RegisteredModel(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getString(3),
                    rs.getString(4),
                    JSON.readValue(rs.getString(5), EvaluationSummary.class),
                    rs.getBoolean(6),
                    rs.getTimestamp(7).toInstant(),
                    usage.getOrDefault(rs.getString(1), 0L)))
        .list();
  }

  /** The active model's scorecard. */
  public Scorecard activeScorecard() {
    ensureRegistered();
    String active =
        jdbc.sql("SELECT model_id FROM scoring_model WHERE active").query(String.class).single();
    return scorecard(active)
        .orElseThrow(() -> new IllegalStateException("the active model's artifact is not loaded"));
  }

  /** The scorecard of a model whose artifact this server holds (the bundled one). */
  public Optional<Scorecard> scorecard(String modelId) {
    return bundled.modelId().equals(modelId) ? Optional.of(bundled) : Optional.empty();
  }
}
