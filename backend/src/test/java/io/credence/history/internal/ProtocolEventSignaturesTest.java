package io.credence.history.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every topic the reader filters on equals keccak256 of the event as the protocol itself declares
 * it: Aave v3 from {@code @aave/core-v3}'s compiled {@code IPool} artifact (installed by the
 * attestations build), Compound v3 from Comet's published event ABI ({@code
 * history/comet-events.abi.json}; no npm package ships Comet's ABI). Indexed flags must match too,
 * since the reader decodes topics by position.
 */
class ProtocolEventSignaturesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aaveTopicsMatchTheIPoolOfAaveCoreV3() throws Exception {
    JsonNode artifact =
        JSON.readTree(
            Files.readString(
                Path.of(
                    "..",
                    "attestations",
                    "node_modules",
                    "@aave",
                    "core-v3",
                    "artifacts",
                    "contracts",
                    "interfaces",
                    "IPool.sol",
                    "IPool.json")));
    assertMatches(Protocol.AAVE_V3, artifact.get("abi"));
  }

  @Test
  void cometTopicsMatchCometsPublishedAbi() throws Exception {
    JsonNode abi;
    try (var in = getClass().getResourceAsStream("/history/comet-events.abi.json")) {
      abi = JSON.readTree(in.readAllBytes());
    }
    assertMatches(Protocol.COMPOUND_V3, abi);
  }

  @Test
  void theIssuesEventsAreAllRead() {
    assertThat(kinds(Protocol.AAVE_V3).stream().map(LendingLogKind::eventName))
        .containsExactlyInAnyOrder(
            "Supply", "Withdraw", "Borrow", "Repay", "LiquidationCall", "FlashLoan");
    assertThat(kinds(Protocol.COMPOUND_V3).stream().map(LendingLogKind::eventName))
        .containsExactlyInAnyOrder(
            "Supply",
            "Withdraw",
            "SupplyCollateral",
            "WithdrawCollateral",
            "AbsorbDebt",
            "AbsorbCollateral");
  }

  private static List<LendingLogKind> kinds(Protocol protocol) {
    List<LendingLogKind> kinds = new ArrayList<>();
    for (LendingLogKind kind : LendingLogKind.values()) {
      if (kind.protocol() == protocol) {
        kinds.add(kind);
      }
    }
    return kinds;
  }

  @SuppressWarnings("rawtypes")
  private static void assertMatches(Protocol protocol, JsonNode abi) {
    for (LendingLogKind kind : kinds(protocol)) {
      JsonNode declared =
          StreamSupport.stream(abi.spliterator(), false)
              .filter(e -> e.get("type").asString().equals("event"))
              .filter(e -> e.get("name").asString().equals(kind.eventName()))
              .findFirst()
              .orElseThrow(() -> new AssertionError(kind.eventName() + " not in the ABI"));
      List<JsonNode> inputs = new ArrayList<>();
      declared.get("inputs").forEach(inputs::add);
      String signature =
          kind.eventName()
              + inputs.stream()
                  .map(i -> i.get("type").asString())
                  .collect(Collectors.joining(",", "(", ")"));
      assertThat(kind.signature()).as(kind.name()).isEqualTo(signature);
      assertThat(kind.topic()).as(kind.name()).isEqualTo(Hash.sha3String(signature));
      assertThat(kind.event().getParameters())
          .extracting(p -> p.isIndexed())
          .as(kind.name() + " indexed flags")
          .containsExactlyElementsOf(
              inputs.stream().map(i -> i.get("indexed").asBoolean()).toList());
    }
  }
}
