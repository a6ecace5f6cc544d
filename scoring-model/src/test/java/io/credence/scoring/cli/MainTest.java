package io.credence.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.scoring.artifact.ModelArtifacts;
import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureVector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    out.reset();
    err.reset();
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void generateTrainEvaluateAndScoreEndToEnd() throws Exception {
    Path csv = dir.resolve("borrowers.csv");
    Path model = dir.resolve("model");

    assertThat(run("generate", "--out", csv.toString(), "--borrowers", "1200", "--seed", "8"))
        .isZero();
    assertThat(out()).contains("wrote 1200 borrowers");
    assertThat(Files.readAllLines(csv)).hasSize(1201);

    assertThat(
            run(
                "train",
                "--csv",
                csv.toString(),
                "--out",
                model.toString(),
                "--challenger-trees",
                "10"))
        .as(err())
        .isZero();
    assertThat(out()).contains("model id ", "# Scorecard evaluation report", "| AUC |");
    assertThat(model.resolve("scorecard.json")).exists();
    assertThat(model.resolve("scorecard.json.sha256")).exists();
    assertThat(model.resolve("evaluation-report.md")).exists();
    assertThat(Files.readString(model.resolve("evaluation-report.json")))
        .contains("\"challenger\"");

    assertThat(
            run(
                "evaluate",
                "--model",
                model.resolve("scorecard.json").toString(),
                "--csv",
                csv.toString()))
        .isZero();
    assertThat(out())
        .contains("Borrowers scored: ", "Refused (thin files", "| challenger |", "not run");

    Path features = dir.resolve("borrower.json");
    FeatureVector v =
        FeatureVector.of(
            Map.of(
                Feature.WALLET_AGE_DAYS, 400.0,
                Feature.CREDIT_HISTORY_DAYS, 300.0,
                Feature.MIN_HEALTH_FACTOR, 1.05,
                Feature.LIQUIDATION_COUNT, 2.0));
    Files.writeString(features, FeatureVectorJson.write(v));
    assertThat(
            run(
                "score",
                "--model",
                model.resolve("scorecard.json").toString(),
                "--features",
                features.toString()))
        .as(err())
        .isZero();
    assertThat(out())
        .containsPattern("score: \\d{3}")
        .containsPattern("band: [ABCD]")
        .contains("probability of default (90 days): ", "reason codes:", "CR27", "model id: ");
  }

  /** The bundled model, copied out of the classpath with its id file. */
  Path bundledModel() throws Exception {
    Path model = dir.resolve("bundled.json");
    try (var in = getClass().getResourceAsStream(ModelArtifacts.BUNDLED_MODEL)) {
      Files.copy(in, model);
    }
    String id =
        new String(
                getClass()
                    .getResourceAsStream(ModelArtifacts.BUNDLED_MODEL + ".sha256")
                    .readAllBytes(),
                StandardCharsets.UTF_8)
            .split("\\s+")[0];
    Files.writeString(dir.resolve("bundled.json.sha256"), id + "  bundled.json\n");
    return model;
  }

  int score(Path model, String json) throws Exception {
    Path file = dir.resolve("features.json");
    Files.writeString(file, json);
    return run("score", "--model", model.toString(), "--features", file.toString());
  }

  @Test
  void aBorrowerWhoCannotBeScoredGetsExitCode2AndOneLineNotAStackTrace() throws Exception {
    Path model = bundledModel();

    assertThat(score(model, "{\"features\":{\"credit_history_days\":91,\"wallet_age_days\":91}}"))
        .isEqualTo(2);

    assertThat(err().strip())
        .startsWith("not scored: not enough credit history to score")
        .doesNotContain("\n", "Exception", "\tat ");
    assertThat(out()).isEmpty();
  }

  @Test
  void negativeAndOutOfRangeValuesAreRefusedNotClamped() throws Exception {
    Path model = bundledModel();

    assertThat(score(model, "{\"features\":{\"credit_history_days\":400,\"tx_count\":-5}}"))
        .isEqualTo(2);
    assertThat(err().strip())
        .isEqualTo("error: feature 'tx_count' must be between 0 and 1200 transactions, was -5");
    assertThat(score(model, "{\"features\":{\"credit_history_days\":400,\"repaid_share\":3}}"))
        .isEqualTo(2);
    assertThat(err()).contains("'repaid_share' must be between 0 and 1");
    assertThat(out()).isEmpty();
  }

  @Test
  void aRawHistoryIsScoredThroughTheExtractorAndABadOneGetsExitCode2() throws Exception {
    Path model = bundledModel();
    Path history = dir.resolve("history.json");
    Files.writeString(history, HistoryJsonTest.documentedExample());

    assertThat(run("score", "--model", model.toString(), "--history", history.toString()))
        .as(err())
        .isZero();
    assertThat(out())
        .containsPattern("score: \\d{3}")
        .as("the related wallet's liquidation is named apart")
        .contains("CR26", "CR31", "model id: ");

    Files.writeString(history, "{\"historyFormat\":\"credence-history\"}");
    assertThat(run("score", "--model", model.toString(), "--history", history.toString()))
        .isEqualTo(2);
    assertThat(err().strip()).isEqualTo("error: $.formatVersion: expected an integer");
    assertThat(
            run(
                "score",
                "--model",
                model.toString(),
                "--history",
                history.toString(),
                "--features",
                history.toString()))
        .isEqualTo(2);
    assertThat(err()).contains("exactly one of --features or --history");
  }

  @Test
  void oversizedMissingOrRetiredInputsAreRefusedWithExitCode2() throws Exception {
    Path model = bundledModel();

    assertThat(score(model, "{\"features\":{}, \"pad\":\"" + "x".repeat(70_000) + "\"}"))
        .isEqualTo(2);
    assertThat(err()).contains("is larger than 65536 bytes");
    assertThat(run("score", "--model", model.toString(), "--features", "nope.json")).isEqualTo(2);
    assertThat(err().strip()).isEqualTo("error: no such file: nope.json");
    assertThat(score(model, "{\"featureSchemaVersion\":\"1\",\"features\":{}}")).isEqualTo(2);
    assertThat(err()).contains("feature schema 1 was retired");
  }

  @Test
  void badArgumentsAndInputsExitWithCode2AndAMessage() throws Exception {
    assertThat(run()).isEqualTo(2);
    assertThat(err()).contains("usage:");
    assertThat(run("fly")).isEqualTo(2);
    assertThat(err()).contains("unknown command 'fly'");
    assertThat(run("train", "--out", dir.toString())).isEqualTo(2);
    assertThat(err()).contains("exactly one of --synthetic or --csv");
    assertThat(run("generate", "--out", "x.csv", "--colour", "red")).isEqualTo(2);
    assertThat(err()).contains("unknown option --colour");

    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "wallet_age_days,defaulted\n1,0\n");
    assertThat(run("train", "--csv", csv.toString(), "--out", dir.resolve("m").toString()))
        .isEqualTo(2);
    assertThat(err()).contains("missing required columns");
  }

  @Test
  void bandsAreConfigurable() {
    var bands = Main.bands("PRIME=700-850, SUBPRIME=300-699");
    assertThat(bands.bandOf(700).name()).isEqualTo("PRIME");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Main.bands("A=700"))
        .hasMessageContaining("expected NAME=MIN-MAX");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Main.bands("A=300-600,B=650-850"))
        .hasMessageContaining("contiguous");
  }

  @Test
  void featureJsonRejectsUnknownNamesAndNonNumbers() {
    assertThat(FeatureVectorJson.parse("{\"features\":{\"peak_ltv\":0.5}}").get(Feature.PEAK_LTV))
        .isEqualTo(0.5);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FeatureVectorJson.parse("{\"features\":{\"income\":1}}"))
        .hasMessageContaining("unknown feature column 'income'");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FeatureVectorJson.parse("{\"features\":{\"peak_ltv\":\"high\"}}"))
        .hasMessageContaining("'peak_ltv' is not a number");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FeatureVectorJson.parse("{\"featureSchemaVersion\":\"3\",\"features\":{}}"))
        .hasMessageContaining("feature schema version 3");
  }
}
