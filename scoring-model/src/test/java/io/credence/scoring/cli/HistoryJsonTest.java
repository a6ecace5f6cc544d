package io.credence.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.scoring.features.BorrowerHistory;
import io.credence.scoring.features.ChainActivity;
import io.credence.scoring.features.Feature;
import io.credence.scoring.features.LendingEvent;
import io.credence.scoring.features.LendingEventType;
import io.credence.scoring.features.PositionSnapshot;
import io.credence.scoring.features.RelatedWallet;
import io.credence.scoring.features.Relation;
import io.credence.scoring.features.WalletActivity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
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
    assertThat(h.related())
        .containsExactly(
            new RelatedWallet(
                Relation.FUNDED_BY,
                "ethereum",
                12000,
                List.of(
                    new LendingEvent(
                        LendingEventType.LIQUIDATION,
                        "ethereum",
                        "aave-v3",
                        "USDC",
                        2500,
                        Instant.parse("2025-06-02T10:00:00Z"))),
                List.of()));
    assertThat(h.features().get(Feature.CREDIT_HISTORY_DAYS))
        .as("10:00 on day 400 before")
        .isEqualTo(399);
    assertThat(h.features().get(Feature.MIN_HEALTH_FACTOR)).isEqualTo(1.31);
    assertThat(h.features().get(Feature.LIQUIDATION_COUNT))
        .as("the linked wallet's and the related wallet's liquidation")
        .isEqualTo(2);
  }

  @Test
  void version1FilesAreStillReadAndMeanNoRelatedWallets() throws IOException {
    String v1 = version1(documentedExample());

    BorrowerHistory h = HistoryJson.parse(v1);

    assertThat(h.related()).isEmpty();
    assertThat(h.events()).hasSize(5);
    assertThat(h.features().get(Feature.LIQUIDATION_COUNT)).isEqualTo(1);
    assertThatThrownBy(
            () ->
                HistoryJson.parse(
                    v1.replace("\"positions\": [", "\"relatedWallets\": [], \"positions\": [")))
        .as("relatedWallets is a v2 field")
        .hasMessage("$: unknown field 'relatedWallets'");
  }

  /** The documented example as a v1 file: no relatedWallets. */
  private static String version1(String v2) {
    int start = v2.indexOf(",\n  \"relatedWallets\"");
    return v2.substring(0, start).replace("\"formatVersion\": 2", "\"formatVersion\": 1") + "\n}\n";
  }

  @Test
  void writeThenParseGivesTheSameHistory() throws IOException {
    BorrowerHistory documented = HistoryJson.parse(documentedExample());
    BorrowerHistory withNoDebtPosition =
        new BorrowerHistory(
            documented.events(),
            new WalletActivity(
                List.of(
                    documented.activity().chains().get(0),
                    new ChainActivity("base", null, 0, Set.of())),
                List.of(
                    documented.activity().positions().get(0),
                    new PositionSnapshot("base", "aave-v3", 100, 100, 0, Double.NaN))),
            documented.asOf(),
            List.of(
                documented.related().get(0),
                new RelatedWallet(
                    Relation.BOTH,
                    "arbitrum",
                    0,
                    List.of(),
                    List.of(new PositionSnapshot("arbitrum", "aave-v3", 900, 0, 800, 1.02))),
                new RelatedWallet(Relation.FUNDED, "base", 12.5, List.of(), List.of())));

    String json = HistoryJson.write(withNoDebtPosition);

    assertThat(json).contains("\"formatVersion\" : 2", "\"relation\" : \"funded\"");
    assertThat(HistoryJson.parse(json)).isEqualTo(withNoDebtPosition);
    assertThat(
            HistoryJson.parse(HistoryJson.write(HistoryJson.parse(version1(documentedExample())))))
        .as("a v1 file is written as v2 with no related wallets")
        .isEqualTo(HistoryJson.parse(version1(documentedExample())));
  }

  @Test
  void malformedRelatedWalletsAreRefusedWithTheJsonPath() throws IOException {
    String ok = documentedExample();

    assertThatThrownBy(() -> HistoryJson.parse(ok.replace("\"funded-by\"", "\"FUNDED_BY\"")))
        .hasMessage("$.relatedWallets[0].relation: expected one of funded-by, funded, both");
    assertThatThrownBy(
            () ->
                HistoryJson.parse(
                    ok.replace("\"transferredUsd\": 12000", "\"transferredUsd\": -1")))
        .hasMessage("$.relatedWallets[0]: transferredUsd must be finite and >= 0, was -1.0");
    assertThatThrownBy(
            () ->
                HistoryJson.parse(
                    ok.replace("\"transferredUsd\": 12000", "\"transferredUsd\": \"5000\"")))
        .hasMessage("$.relatedWallets[0].transferredUsd: expected a number");
    assertThatThrownBy(
            () -> HistoryJson.parse(ok.replace("\"amountUsd\": 2500", "\"amountUsd\": -2500")))
        .hasMessage(
            "$.relatedWallets[0].events[0]: amountUsd must be finite and >= 0, was -2500.0");
    assertThatThrownBy(
            () ->
                HistoryJson.parse(
                    ok.replace(
                        "\"relation\": \"funded-by\"",
                        "\"address\": \"0xabc\", \"relation\": \"funded-by\"")))
        .as("the format never carries an address")
        .hasMessage("$.relatedWallets[0]: unknown field 'address'");
    assertThatThrownBy(
            () ->
                HistoryJson.parse(
                    ok.replace(
                        "\"chain\": \"ethereum\", \"transferredUsd\"",
                        "\"chain\": \" \", \"transferredUsd\"")))
        .hasMessage("$.relatedWallets[0]: chain must not be blank");
    assertThatThrownBy(
            () -> HistoryJson.parse(ok.replace("\"positions\": []}", "\"positions\": null}")))
        .hasMessage("$.relatedWallets[0].positions: expected an array");
    assertThatThrownBy(
            () -> HistoryJson.parse(ok.substring(0, ok.indexOf(",\n  \"relatedWallets\"")) + "}"))
        .as("v2 requires relatedWallets (an empty array when none were found)")
        .hasMessage("$.relatedWallets: expected an array");
  }

  @Test
  void moreThan32RelatedWalletsAreRefused() throws IOException {
    String ok = documentedExample();
    int start = ok.indexOf("{\"relation\"");
    int end = ok.indexOf("\"positions\": []}", start) + "\"positions\": []}".length();
    String wallet = ok.substring(start, end);
    String thirtyTwo = String.join(",", Collections.nCopies(32, wallet));

    assertThat(HistoryJson.parse(ok.replace(wallet, thirtyTwo)).related()).hasSize(32);
    assertThatThrownBy(() -> HistoryJson.parse(ok.replace(wallet, thirtyTwo + "," + wallet)))
        .hasMessage("$.relatedWallets: 33 entries, at most 32 accepted");
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
            () -> HistoryJson.parse(ok.replace("\"formatVersion\": 2", "\"formatVersion\": 3")))
        .hasMessage("$: expected historyFormat 'credence-history' version 1 or 2");
    assertThatThrownBy(
            () -> HistoryJson.parse(ok.replace("\"formatVersion\": 2", "\"formatVersion\": 0")))
        .hasMessage("$: expected historyFormat 'credence-history' version 1 or 2");
  }
}
