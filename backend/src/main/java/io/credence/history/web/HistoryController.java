package io.credence.history.web;

import io.credence.borrower.BorrowerPrincipal;
import io.credence.history.BorrowerHistories;
import io.credence.history.ChainSyncState;
import io.credence.history.ConfiguredChain;
import io.credence.scoring.features.BorrowerHistory;
import io.credence.scoring.features.ChainActivity;
import io.credence.scoring.features.LendingEvent;
import io.credence.scoring.features.PositionSnapshot;
import io.credence.scoring.features.RelatedWallet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The signed-in borrower's history sync and export; the configured chains (public). */
@RestController
class HistoryController {

  private final BorrowerHistories histories;
  private final Clock clock;

  HistoryController(BorrowerHistories histories, Clock clock) {
    this.histories = histories;
    this.clock = clock;
  }

  record SyncResponse(List<ChainSyncState> chains) {}

  /** Queues a sync job per configured chain; {@code 202} with the jobs' current state. */
  @PostMapping("/api/v1/sync")
  ResponseEntity<SyncResponse> requestSync(@AuthenticationPrincipal BorrowerPrincipal borrower) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new SyncResponse(histories.requestSync(borrower.profileId())));
  }

  @GetMapping("/api/v1/sync")
  SyncResponse progress(@AuthenticationPrincipal BorrowerPrincipal borrower) {
    return new SyncResponse(histories.progress(borrower.profileId()));
  }

  /**
   * The borrower's own history in the {@code credence-history} v2 format (docs/history-format.md):
   * v1's fields and the related wallets, which carry no address. Written by its own mapper: the
   * format requires nullable fields to be present as {@code null}, which the API's default mapper
   * (non-null inclusion) would drop.
   */
  @GetMapping(value = "/api/v1/history", produces = MediaType.APPLICATION_JSON_VALUE)
  String history(@AuthenticationPrincipal BorrowerPrincipal borrower) {
    Instant asOf = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return HISTORY_JSON.writeValueAsString(export(histories.history(borrower.profileId(), asOf)));
  }

  private static final JsonMapper HISTORY_JSON = JsonMapper.builder().build();

  @GetMapping("/api/v1/chains")
  List<ConfiguredChain> chains() {
    return histories.chains();
  }

  static Map<String, Object> export(BorrowerHistory history) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("historyFormat", "credence-history");
    out.put("formatVersion", 2);
    out.put("asOf", history.asOf().toString());
    out.put("events", history.events().stream().map(HistoryController::event).toList());
    out.put("chains", history.activity().chains().stream().map(HistoryController::chain).toList());
    out.put(
        "positions",
        history.activity().positions().stream().map(HistoryController::position).toList());
    out.put("relatedWallets", history.related().stream().map(HistoryController::related).toList());
    return out;
  }

  /** A related wallet: relation, chain, USD transferred and its facts; never its address. */
  private static Map<String, Object> related(RelatedWallet r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("relation", r.relation().formatName());
    out.put("chain", r.chain());
    out.put("transferredUsd", r.transferredUsd());
    out.put("events", r.events().stream().map(HistoryController::event).toList());
    out.put("positions", r.positions().stream().map(HistoryController::position).toList());
    return out;
  }

  private static Map<String, Object> event(LendingEvent e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", e.type().name());
    out.put("chain", e.chain());
    out.put("protocol", e.protocol());
    out.put("asset", e.asset());
    out.put("amountUsd", e.amountUsd());
    out.put("timestamp", e.timestamp().toString());
    return out;
  }

  private static Map<String, Object> chain(ChainActivity c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("chain", c.chain());
    out.put(
        "firstTransactionAt",
        c.firstTransactionAt() == null ? null : c.firstTransactionAt().toString());
    out.put("transactionCount", c.transactionCount());
    out.put("activeMonths", c.activeMonths().stream().map(Object::toString).sorted().toList());
    return out;
  }

  private static Map<String, Object> position(PositionSnapshot p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("chain", p.chain());
    out.put("protocol", p.protocol());
    out.put("collateralUsd", p.collateralUsd());
    out.put("stablecoinCollateralUsd", p.stablecoinCollateralUsd());
    out.put("debtUsd", p.debtUsd());
    out.put("healthFactor", p.debtUsd() > 0 ? p.healthFactor() : null);
    return out;
  }
}
