package io.credence.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.scoring.features.BorrowerHistory;
import io.credence.scoring.features.Feature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HistoryJsonTest {

  /** The example of docs/history-format.md: the first json block. */
  static String documentedExample() throws IOException {
    String doc = Files.readString(Path.of("../docs/history-format.md"), StandardCharsets.UTF_8);
    int start = doc.indexOf("```json\n") + "```json\n".length();
    return doc.substring(start, doc.indexOf("```", start));
  }

  @Test
  void theDocumentedExampleReadsIntoTheExtractorsInputs() throws IOException {
    BorrowerHistory h = HistoryJson.parse(documentedExample());

    assertThat(h.events()).hasSize(5);
    assertThat(h.activity().chains()).hasSize(1);
    assertThat(h.activity().positions()).hasSize(1);
    assertThat(h.features().get(Feature.CREDIT_HISTORY_DAYS))
        .as("10:00 on day 400 before")
        .isEqualTo(399);
    assertThat(h.features().get(Feature.MIN_HEALTH_FACTOR)).isEqualTo(1.31);
    assertThat(h.features().get(Feature.LIQUIDATION_COUNT)).isEqualTo(1);
  }

  @Test
  void malformedHistoriesAreRefusedWithTheJsonPath() throws IOException {
    String ok = documentedExample();

    assertThatThrownBy(
            () -> HistoryJson.parse(ok.replace("\"amountUsd\": 4000", "\"amountUsd\": -4000")))
        .hasMessage("$.events[1]: amountUsd must be finite and >= 0, was -4000.0");
    assertThatThrownBy(
            () -> HistoryJson.parse(ok.replace("\"amountUsd\": 4000", "\"amountUsd\": \"4000\"")))
        .hasMessage("$.events[1].amountUsd: expected a number");
    assertThatThrownBy(
            () -> HistoryJson.parse(ok.replace("\"type\": \"REPAY\"", "\"type\": \"GIFT\"")))
        .hasMessageContaining("$.events[2].type: expected one of");
    assertThatThrownBy(
            () -> HistoryJson.parse(ok.replace("\"asOf\"", "\"wallet\": \"0xabc\", \"asOf\"")))
        .hasMessage("$: unknown field 'wallet'");
    assertThatThrownBy(
            () -> HistoryJson.parse(ok.replace("\"healthFactor\": 1.31", "\"healthFactor\": null")))
        .hasMessage("$.positions[0]: a position with debt needs a health factor >= 0");
    assertThatThrownBy(() -> HistoryJson.parse(ok.replace("2025-10-01T00:00:00Z", "yesterday")))
        .hasMessage("$.asOf: 'yesterday' is not an ISO-8601 UTC instant");
    assertThatThrownBy(() -> HistoryJson.parse(ok.replace("\"2024-08\"", "\"August\"")))
        .hasMessage("$.chains[0].activeMonths: 'August' is not YYYY-MM");
    assertThatThrownBy(() -> HistoryJson.parse("[]")).hasMessage("history must be a JSON object");
    assertThatThrownBy(
            () -> HistoryJson.parse(ok.replace("\"formatVersion\": 1", "\"formatVersion\": 2")))
        .hasMessageContaining("expected historyFormat 'credence-history' version 1");
  }
}
