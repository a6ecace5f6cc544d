package io.credence.scoring.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credence.scoring.features.BorrowerHistory;
import io.credence.scoring.features.ChainActivity;
import io.credence.scoring.features.LendingEvent;
import io.credence.scoring.features.LendingEventType;
import io.credence.scoring.features.PositionSnapshot;
import io.credence.scoring.features.WalletActivity;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a borrower history in the {@code credence-history} v1 format ({@code
 * docs/history-format.md}): the raw inputs of {@link
 * io.credence.scoring.features.FeatureExtractor#extract}. Strict: unknown fields, wrong types,
 * negative amounts, bad timestamps and too many entries are errors naming the JSON path; nothing is
 * clamped or guessed.
 */
final class HistoryJson {

  static final String FORMAT = "credence-history";
  static final int FORMAT_VERSION = 1;

  /** Limits that keep one history small enough to score in memory. */
  static final int MAX_EVENTS = 100_000;

  static final int MAX_CHAINS = 1_000;
  static final int MAX_POSITIONS = 1_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private HistoryJson() {}

  /**
   * @throws IllegalArgumentException naming the first problem (JSON path and what is wrong)
   */
  static BorrowerHistory parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("history is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("history must be a JSON object");
    }
    only(root, "$", "historyFormat", "formatVersion", "asOf", "events", "chains", "positions");
    if (!FORMAT.equals(text(root, "$", "historyFormat"))
        || integer(root, "$", "formatVersion") != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "$: expected historyFormat '" + FORMAT + "' version " + FORMAT_VERSION);
    }
    Instant asOf = instant(root, "$", "asOf");

    List<LendingEvent> events = new ArrayList<>();
    JsonNode eventArray = array(root, "events", MAX_EVENTS);
    for (int i = 0; i < eventArray.size(); i++) {
      String path = "$.events[" + i + "]";
      JsonNode e = object(eventArray.get(i), path);
      only(e, path, "type", "chain", "protocol", "asset", "amountUsd", "timestamp");
      LendingEventType type;
      try {
        type = LendingEventType.valueOf(text(e, path, "type"));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(
            path + ".type: expected one of SUPPLY, WITHDRAW, BORROW, REPAY, LIQUIDATION");
      }
      String chain = text(e, path, "chain");
      String protocol = text(e, path, "protocol");
      String asset = text(e, path, "asset");
      double amount = number(e, path, "amountUsd");
      Instant at = instant(e, path, "timestamp");
      events.add(build(path, () -> new LendingEvent(type, chain, protocol, asset, amount, at)));
    }

    List<ChainActivity> chains = new ArrayList<>();
    JsonNode chainArray = array(root, "chains", MAX_CHAINS);
    for (int i = 0; i < chainArray.size(); i++) {
      String path = "$.chains[" + i + "]";
      JsonNode c = object(chainArray.get(i), path);
      only(c, path, "chain", "firstTransactionAt", "transactionCount", "activeMonths");
      Instant first =
          c.path("firstTransactionAt").isNull() ? null : instant(c, path, "firstTransactionAt");
      Set<YearMonth> months = new HashSet<>();
      JsonNode monthArray = c.get("activeMonths");
      if (monthArray == null || !monthArray.isArray() || monthArray.size() > 1_200) {
        throw new IllegalArgumentException(path + ".activeMonths: expected an array of YYYY-MM");
      }
      for (JsonNode m : monthArray) {
        try {
          months.add(YearMonth.parse(m.asText()));
        } catch (DateTimeParseException ex) {
          throw new IllegalArgumentException(
              path + ".activeMonths: '" + m.asText() + "' is not YYYY-MM");
        }
      }
      long count = integer(c, path, "transactionCount");
      String chain = text(c, path, "chain");
      chains.add(build(path, () -> new ChainActivity(chain, first, count, months)));
    }

    List<PositionSnapshot> positions = new ArrayList<>();
    JsonNode positionArray = array(root, "positions", MAX_POSITIONS);
    for (int i = 0; i < positionArray.size(); i++) {
      String path = "$.positions[" + i + "]";
      JsonNode p = object(positionArray.get(i), path);
      only(
          p,
          path,
          "chain",
          "protocol",
          "collateralUsd",
          "stablecoinCollateralUsd",
          "debtUsd",
          "healthFactor");
      double health =
          p.path("healthFactor").isNull() ? Double.NaN : number(p, path, "healthFactor");
      String chain = text(p, path, "chain");
      String protocol = text(p, path, "protocol");
      double collateral = number(p, path, "collateralUsd");
      double stable = number(p, path, "stablecoinCollateralUsd");
      double debt = number(p, path, "debtUsd");
      positions.add(
          build(
              path, () -> new PositionSnapshot(chain, protocol, collateral, stable, debt, health)));
    }
    return new BorrowerHistory(events, new WalletActivity(chains, positions), asOf);
  }

  private interface Builder<T> {
    T build();
  }

  private static <T> T build(String path, Builder<T> builder) {
    try {
      return builder.build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage());
    }
  }

  private static void only(JsonNode node, String path, String... allowed) {
    Set<String> names = Set.of(allowed);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        throw new IllegalArgumentException(path + ": unknown field '" + name + "'");
      }
    }
  }

  private static JsonNode object(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(path + ": expected an object");
    }
    return node;
  }

  private static JsonNode array(JsonNode root, String field, int max) {
    JsonNode a = root.get(field);
    if (a == null || !a.isArray()) {
      throw new IllegalArgumentException("$." + field + ": expected an array");
    }
    if (a.size() > max) {
      throw new IllegalArgumentException(
          "$." + field + ": " + a.size() + " entries, at most " + max + " accepted");
    }
    return a;
  }

  private static String text(JsonNode node, String path, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(path + "." + field + ": expected a string");
    }
    return v.asText();
  }

  private static double number(JsonNode node, String path, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException(path + "." + field + ": expected a number");
    }
    return v.asDouble();
  }

  private static long integer(JsonNode node, String path, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isIntegralNumber()) {
      throw new IllegalArgumentException(path + "." + field + ": expected an integer");
    }
    return v.asLong();
  }

  private static Instant instant(JsonNode node, String path, String field) {
    String text = text(node, path, field);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          path + "." + field + ": '" + text + "' is not an ISO-8601 UTC instant");
    }
  }
}
