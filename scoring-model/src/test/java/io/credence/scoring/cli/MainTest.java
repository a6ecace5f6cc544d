package io.credence.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(out()).contains("Borrowers: 1200", "| challenger |", "not run");

    Path features = dir.resolve("borrower.json");
    FeatureVector v =
        FeatureVector.of(
            Map.of(
                Feature.WALLET_AGE_DAYS, 400.0,
                Feature.BORROW_COUNT, 5.0,
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
        .contains("probability of default (90 days): ", "reason codes:", "CR13", "model id: ");
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
            () -> FeatureVectorJson.parse("{\"featureSchemaVersion\":\"2\",\"features\":{}}"))
        .hasMessageContaining("feature schema version 2");
  }
}
