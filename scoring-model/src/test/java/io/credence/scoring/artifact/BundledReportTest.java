package io.credence.scoring.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The acceptance figures, read from the evaluation report written with the bundled model
 * ({@code train --synthetic --borrowers 50000 --seed 8}): the report a validator reads must say
 * what the card claims.
 */
class BundledReportTest {

  static JsonNode report() throws IOException {
    try (InputStream in =
        BundledReportTest.class.getResourceAsStream(
            "/io/credence/scoring/model/evaluation-report.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void theReportIsTheBundledModels() throws IOException {
    assertThat(report().get("modelId").asText())
        .isEqualTo(ModelArtifacts.loadBundled().scorecard().modelId());
  }

  @Test
  void heldOutAucIncludingGamingBorrowersIsAtLeast087AndRoundingCostsAtMost0003()
      throws IOException {
    JsonNode r = report();

    assertThat(r.get("data").asText()).contains("10% gaming borrowers", "[held-out split]");
    assertThat(r.get("auc").asDouble()).isGreaterThanOrEqualTo(0.87);
    assertThat(r.get("roundingAucLoss").asDouble()).isLessThanOrEqualTo(0.003);
  }

  @Test
  void bandDefaultRatesAreMonotoneWithSeparate95PercentIntervals() throws IOException {
    JsonNode bands = report().get("bands");

    assertThat(bands).hasSize(4);
    for (int i = 1; i < bands.size(); i++) {
      assertThat(bands.get(i).get("ciLow").asDouble())
          .as("band %s above band %s", bands.get(i).get("band"), bands.get(i - 1).get("band"))
          .isGreaterThan(bands.get(i - 1).get("ciHigh").asDouble());
    }
  }

  @Test
  void cheapGamingBuysABandDBorrowerAtMost30PointsAndOneBandAndAThinFileNeverReachesA()
      throws IOException {
    Map<String, JsonNode> after = new HashMap<>();
    for (JsonNode a : report().get("adversarial")) {
      after.put(a.get("strategy").asText(), a.get("after"));
      assertThat(a.get("relatedIgnored").isObject()).as("figures without the policy").isTrue();
      if (!a.get("strategy").asText().equals("CLEAN_WALLETS_VIA_EXCHANGE")) {
        assertThat(a.get("before").isObject()).as("before figures recorded").isTrue();
      }
    }

    for (String s : List.of("WASH_TRADER", "DUST_COLLATERAL", "TX_SPAMMER", "THIN_FILE_FARMER")) {
      assertThat(after.get(s).get("worstUplift").asInt()).as(s).isLessThanOrEqualTo(30);
      assertThat(after.get(s).get("maxBandsCrossed").asInt()).as(s).isLessThanOrEqualTo(1);
      assertThat(after.get(s).get("bandACount").asInt()).as(s).isZero();
    }
    assertThat(after.get("THIN_FILE_FARMER").get("refused").asInt())
        .isEqualTo(after.get("THIN_FILE_FARMER").get("borrowers").asInt());
  }

  @Test
  void hiddenLiquidatedWalletsThatTheSyncFindsBuyAtMost30PointsAndOneBandAtEveryShare()
      throws IOException {
    JsonNode rows = report().get("relatedWallets");

    assertThat(rows).hasSize(5);
    for (JsonNode r : rows) {
      JsonNode detected = r.get("detected");
      assertThat(detected.get("worstUplift").asInt()).isLessThanOrEqualTo(30);
      assertThat(detected.get("maxBandsCrossed").asInt()).isLessThanOrEqualTo(1);
      assertThat(detected.get("bandACount").asInt()).isZero();
    }
    assertThat(report().get("strangerPayment").get("borrowers").asInt()).isGreaterThan(10_000);
  }

  @Test
  void theReportCarriesSegmentsStabilityAndTheMonitoringPlan() throws IOException {
    JsonNode r = report();

    assertThat(r.get("segments").findValuesAsText("segment"))
        .contains("ever liquidated", "no current debt", "multi-chain (credit on 2+ chains)");
    assertThat(r.get("stability").findValuesAsText("name"))
        .contains("seed 3", "seed 9", "seed 11", "out-of-time (+90 days)");
    assertThat(r.get("laterCohortPsi").asDouble()).isBetween(0.0, 0.10);
    assertThat(r.get("monitoring").get("psiRecalibrate").asDouble()).isEqualTo(0.25);
  }
}
