package io.credence.scoring.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credence.scoring.features.BorrowerHistory;
import io.credence.scoring.features.ChainActivity;
import io.credence.scoring.features.LendingEvent;
import io.credence.scoring.features.LendingEventType;
import io.credence.scoring.features.PositionSnapshot;
import io.credence.scoring.features.RelatedWallet;
import io.credence.scoring.features.Relation;
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
 * Reads and writes a borrower history in the {@code credence-history} format ({@code
 * docs/history-format.md}): the raw inputs of {@link
 * io.credence.scoring.features.FeatureExtractor#extract(BorrowerHistory)}. Version 2 adds {@code
 * relatedWallets}; version 1 files are still read and mean "no related wallets". Strict: unknown
 * fields, wrong types, negative amounts, bad timestamps and too many entries are errors naming the
 * JSON path; nothing is clamped or guessed. {@link #write} always writes version 2.
 */
final class HistoryJson {

  static final String FORMAT = "credence-history";
  static final int FORMAT_VERSION = 2;

  /** Oldest version still read: no {@code relatedWallets}. */
  static final int FIRST_FORMAT_VERSION = 1;

  /** Limits that keep one history small enough to score in memory. */
  static final int MAX_EVENTS = 100_000;

  static final int MAX_CHAINS = 1_000;
  static final int MAX_POSITIONS = 1_000;
  static final int MAX_RELATED_WALLETS = BorrowerHistory.MAX_RELATED_WALLETS;

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
    if (!FORMAT.equals(text(root, "$", "historyFormat"))) {
      throw versionError();
    }
    long version = integer(root, "$", "formatVersion");
    if (version < FIRST_FORMAT_VERSION || version > FORMAT_VERSION) {
      throw versionError();
    }
    if (version == 1) {
      only(root, "$", "historyFormat", "formatVersion", "asOf", "events", "chains", "positions");
    } else {
      only(
          root,
          "$",
          "historyFormat",
          "formatVersion",
          "asOf",
          "events",
          "chains",
          "positions",
          "relatedWallets");
    }
    Instant asOf = instant(root, "$", "asOf");
    List<LendingEvent> events = events(array(root, "$", "events", MAX_EVENTS), "$.events");

    List<ChainActivity> chains = new ArrayList<>();
    JsonNode chainArray = array(root, "$", "chains", MAX_CHAINS);
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

    List<PositionSnapshot> positions =
        positions(array(root, "$", "positions", MAX_POSITIONS), "$.positions");

    List<RelatedWallet> related = new ArrayList<>();
    if (version >= 2) {
      JsonNode relatedArray = array(root, "$", "relatedWallets", MAX_RELATED_WALLETS);
      for (int i = 0; i < relatedArray.size(); i++) {
        String path = "$.relatedWallets[" + i + "]";
        JsonNode r = object(relatedArray.get(i), path);
        only(r, path, "relation", "chain", "transferredUsd", "events", "positions");
        String relationName = text(r, path, "relation");
        Relation relation;
        try {
          relation = Relation.fromFormatName(relationName);
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException(
              path + ".relation: expected one of funded-by, funded, both");
        }
        String chain = text(r, path, "chain");
        double transferred = number(r, path, "transferredUsd");
        List<LendingEvent> walletEvents =
            events(array(r, path, "events", MAX_EVENTS), path + ".events");
        List<PositionSnapshot> walletPositions =
            positions(array(r, path, "positions", MAX_POSITIONS), path + ".positions");
        related.add(
            build(
                path,
                () ->
                    new RelatedWallet(
                        relation, chain, transferred, walletEvents, walletPositions)));
      }
    }
    return new BorrowerHistory(events, new WalletActivity(chains, positions), asOf, related);
  }

  /**
   * The history in format version 2, fields in the documented order. A health factor that is not a
   * finite number (NaN or infinity: Aave reports "no debt" as the largest integer) is written as
   * {@code null}; otherwise {@code parse(write(h))} equals {@code h}.
   */
  static String write(BorrowerHistory history) {
    ObjectNode root = JSON.createObjectNode();
    root.put("historyFormat", FORMAT);
    root.put("formatVersion", FORMAT_VERSION);
    root.put("asOf", history.asOf().toString());
    writeEvents(root.putArray("events"), history.events());
    ArrayNode chains = root.putArray("chains");
    for (ChainActivity c : history.activity().chains()) {
      ObjectNode n = chains.addObject();
      n.put("chain", c.chain());
      if (c.firstTransactionAt() == null) {
        n.putNull("firstTransactionAt");
      } else {
        n.put("firstTransactionAt", c.firstTransactionAt().toString());
      }
      n.put("transactionCount", c.transactionCount());
      ArrayNode months = n.putArray("activeMonths");
      c.activeMonths().stream().sorted().forEach(m -> months.add(m.toString()));
    }
    writePositions(root.putArray("positions"), history.activity().positions());
    ArrayNode related = root.putArray("relatedWallets");
    for (RelatedWallet r : history.related()) {
      ObjectNode n = related.addObject();
      n.put("relation", r.relation().formatName());
      n.put("chain", r.chain());
      n.put("transferredUsd", r.transferredUsd());
      writeEvents(n.putArray("events"), r.events());
      writePositions(n.putArray("positions"), r.positions());
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static void writeEvents(ArrayNode out, List<LendingEvent> events) {
    for (LendingEvent e : events) {
      ObjectNode n = out.addObject();
      n.put("type", e.type().name());
      n.put("chain", e.chain());
      n.put("protocol", e.protocol());
      n.put("asset", e.asset());
      n.put("amountUsd", e.amountUsd());
      n.put("timestamp", e.timestamp().toString());
    }
  }

  private static void writePositions(ArrayNode out, List<PositionSnapshot> positions) {
    for (PositionSnapshot p : positions) {
      ObjectNode n = out.addObject();
      n.put("chain", p.chain());
      n.put("protocol", p.protocol());
      n.put("collateralUsd", p.collateralUsd());
      n.put("stablecoinCollateralUsd", p.stablecoinCollateralUsd());
      n.put("debtUsd", p.debtUsd());
      if (!Double.isFinite(p.healthFactor())) {
        n.putNull("healthFactor");
      } else {
        n.put("healthFactor", p.healthFactor());
      }
    }
  }

  private static List<LendingEvent> events(JsonNode eventArray, String arrayPath) {
    List<LendingEvent> events = new ArrayList<>();
    for (int i = 0; i < eventArray.size(); i++) {
      String path = arrayPath + "[" + i + "]";
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
    return events;
  }

  private static List<PositionSnapshot> positions(JsonNode positionArray, String arrayPath) {
    List<PositionSnapshot> positions = new ArrayList<>();
    for (int i = 0; i < positionArray.size(); i++) {
      String path = arrayPath + "[" + i + "]";
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
    return positions;
  }

  private static IllegalArgumentException versionError() {
    return new IllegalArgumentException(
        "$: expected historyFormat '"
            + FORMAT
            + "' version "
            + FIRST_FORMAT_VERSION
            + " or "
            + FORMAT_VERSION);
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

  private static JsonNode array(JsonNode node, String path, String field, int max) {
    JsonNode a = node.get(field);
    if (a == null || !a.isArray()) {
      throw new IllegalArgumentException(path + "." + field + ": expected an array");
    }
    if (a.size() > max) {
      throw new IllegalArgumentException(
          path + "." + field + ": " + a.size() + " entries, at most " + max + " accepted");
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
