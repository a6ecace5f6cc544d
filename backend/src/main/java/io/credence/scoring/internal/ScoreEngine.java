package io.credence.scoring.internal;

import io.credence.auth.ChainFamily;
import io.credence.borrower.Borrowers;
import io.credence.borrower.ProfileId;
import io.credence.history.BorrowerHistories;
import io.credence.history.ChainSyncState;
import io.credence.history.ConfiguredChain;
import io.credence.scoring.DataUsed;
import io.credence.scoring.ScoreComputed;
import io.credence.scoring.ScoreId;
import io.credence.scoring.ScoreRun;
import io.credence.scoring.features.BorrowerHistory;
import io.credence.scoring.features.FeatureVector;
import io.credence.scoring.reasons.ReasonCode;
import io.credence.scoring.scorecard.InsufficientHistoryException;
import io.credence.scoring.scorecard.ScoreResult;
import io.credence.scoring.scorecard.Scorecard;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Scores a borrower from their synced history and stores the run (immutable). */
@Component
public class ScoreEngine {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ModelStore models;
  private final BorrowerHistories histories;
  private final Borrowers borrowers;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ScoreEngine(
      ModelStore models,
      BorrowerHistories histories,
      Borrowers borrowers,
      JdbcClient jdbc,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      Clock clock) {
    this.models = models;
    this.histories = histories;
    this.borrowers = borrowers;
    this.jdbc = jdbc;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
  }

  public ScoreRun score(ProfileId profile) {
    Scorecard scorecard = models.activeScorecard();
    Instant asOf = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    List<String> wallets =
        borrowers.wallets(profile).stream()
            .filter(w -> w.family() == ChainFamily.EVM)
            .map(w -> w.address().toLowerCase(Locale.ROOT))
            .distinct()
            .toList();
    List<ChainSyncState> progress = histories.progress(profile);
    List<DataUsed.ChainAsOf> chains = new ArrayList<>();
    for (ConfiguredChain chain : histories.chains()) {
      Instant synced =
          progress.stream()
              .filter(p -> p.chainId() == chain.id() && "done".equals(p.state()))
              .map(ChainSyncState::finishedAt)
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(null);
      chains.add(new DataUsed.ChainAsOf(chain.id(), chain.name(), synced));
    }
    DataUsed used = new DataUsed(asOf, chains, wallets);
    BorrowerHistory history = histories.history(profile, asOf);
    FeatureVector features = history.features();
    ScoreId id = ScoreId.random();
    ScoreRun run;
    try {
      // From the history, so the points related wallets cost carry their own reason (CR31).
      ScoreResult result = scorecard.score(history);
      run =
          new ScoreRun.Scored(
              id,
              profile,
              scorecard.modelId(),
              result.score(),
              result.band(),
              result.probabilityOfDefault(),
              result.reasonCodes().stream()
                  .map(c -> new ScoreRun.Reason(c.name(), c.text()))
                  .toList(),
              used,
              asOf);
    } catch (InsufficientHistoryException e) {
      List<String> missing = new ArrayList<>();
      if (wallets.isEmpty()) {
        missing.add("no linked EVM wallet: link a wallet whose lending history can be read");
      } else if (chains.stream().allMatch(c -> c.syncedAt() == null)) {
        missing.add("no completed sync: sync your history first (POST /api/v1/sync)");
      }
      missing.add(e.getMessage());
      run = new ScoreRun.Insufficient(id, profile, scorecard.modelId(), missing, used, asOf);
    }
    ScoreRun stored = run;
    tx.executeWithoutResult(
        status -> {
          insert(stored, features);
          events.publishEvent(
              new ScoreComputed(
                  id,
                  profile,
                  stored.modelId(),
                  stored instanceof ScoreRun.Scored,
                  stored.computedAt()));
        });
    return run;
  }

  private void insert(ScoreRun run, FeatureVector features) {
    Integer score = null;
    String band = null;
    Double pd = null;
    String reasons = "";
    String missing = "";
    if (run instanceof ScoreRun.Scored s) {
      score = s.score();
      band = s.band();
      pd = s.probabilityOfDefault();
      reasons = String.join(",", s.reasons().stream().map(ScoreRun.Reason::code).toList());
    } else if (run instanceof ScoreRun.Insufficient i) {
      missing = String.join("\n", i.missing());
    }
    jdbc.sql(
            """
            INSERT INTO score_run (id, profile_id, model_id, outcome, score, band,
              probability_of_default, reason_codes, missing, features, data_used, as_of, computed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            run.id().value(),
            run.profile().value(),
            run.modelId(),
            run instanceof ScoreRun.Scored ? "SCORED" : "INSUFFICIENT",
            score,
            band,
            pd,
            reasons,
            missing,
            JSON.writeValueAsString(features.toColumnMap()),
            dataUsedJson(run.dataUsed()),
            Timestamp.from(run.dataUsed().asOf()),
            Timestamp.from(run.computedAt()))
        .update();
  }

  private static String dataUsedJson(DataUsed used) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("asOf", used.asOf().toString());
    List<Map<String, Object>> chains = new ArrayList<>();
    for (DataUsed.ChainAsOf c : used.chains()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("chainId", c.chainId());
      m.put("chain", c.chain());
      m.put("syncedAt", c.syncedAt() == null ? null : c.syncedAt().toString());
      chains.add(m);
    }
    out.put("chains", chains);
    out.put("wallets", used.wallets());
    return JSON.writeValueAsString(out);
  }

  private static DataUsed dataUsed(String json) {
    JsonNode root = JSON.readTree(json);
    List<DataUsed.ChainAsOf> chains = new ArrayList<>();
    for (JsonNode c : root.path("chains")) {
      JsonNode synced = c.get("syncedAt");
      chains.add(
          new DataUsed.ChainAsOf(
              c.path("chainId").asLong(),
              c.path("chain").asString(),
              synced == null || synced.isNull() ? null : Instant.parse(synced.asString())));
    }
    List<String> wallets = new ArrayList<>();
    root.path("wallets").forEach(w -> wallets.add(w.asString()));
    return new DataUsed(Instant.parse(root.path("asOf").asString()), chains, wallets);
  }

  private static final String COLUMNS =
      "id, profile_id, model_id, outcome, score, band, probability_of_default, reason_codes,"
          + " missing, data_used, computed_at";

  public Optional<ScoreRun> latest(ProfileId profile) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM score_run WHERE profile_id = ? ORDER BY computed_at DESC, id LIMIT 1")
        .param(profile.value())
        .query(ScoreEngine::row)
        .optional();
  }

  public Optional<ScoreRun> find(ScoreId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM score_run WHERE id = ?")
        .param(id.value())
        .query(ScoreEngine::row)
        .optional();
  }

  public Optional<ScoreRun> rescoreIfHistoryChanged(ProfileId profile) {
    Optional<ScoreRun> latest = latest(profile);
    boolean changed =
        latest.isEmpty()
            || histories.progress(profile).stream()
                .filter(p -> "done".equals(p.state()) && p.finishedAt() != null)
                .anyMatch(p -> p.finishedAt().isAfter(latest.get().computedAt()));
    return changed ? Optional.of(score(profile)) : Optional.empty();
  }

  private static ScoreRun row(ResultSet rs, int n) throws SQLException {
    ScoreId id = new ScoreId(rs.getObject(1, UUID.class));
    ProfileId profile = new ProfileId(rs.getObject(2, UUID.class));
    String model = rs.getString(3);
    DataUsed used = dataUsed(rs.getString(10));
    Instant computed = rs.getTimestamp(11).toInstant();
    if ("SCORED".equals(rs.getString(4))) {
      List<ScoreRun.Reason> reasons =
          Arrays.stream(rs.getString(8).split(","))
              .filter(s -> !s.isEmpty())
              .map(c -> new ScoreRun.Reason(c, ReasonCode.valueOf(c).text()))
              .toList();
      return new ScoreRun.Scored(
          id,
          profile,
          model,
          rs.getInt(5),
          rs.getString(6),
          rs.getDouble(7),
          reasons,
          used,
          computed);
    }
    return new ScoreRun.Insufficient(
        id, profile, model, List.of(rs.getString(9).split("\n")), used, computed);
  }
}
