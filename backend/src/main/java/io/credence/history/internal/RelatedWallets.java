package io.credence.history.internal;

import io.credence.scoring.features.LendingEvent;
import io.credence.scoring.features.PositionSnapshot;
import io.credence.scoring.features.RelatedWallet;
import io.credence.scoring.features.Relation;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Wallets the borrower did not link but that are related to a linked one by direct transfers of the
 * tracked markets' tokens ({@link TransferSync}), and their lending facts (docs/history.md,
 * "Related wallets"), which the scorer counts as if linked but only to lower the score.
 *
 * <p>A counterparty counts when the stored (non-dust) transfers between it and the profile's linked
 * wallets on one chain add up to at least {@code min-counterparty-usd}, it is neither a linked
 * wallet of the profile nor an excluded address (exchanges, bridges), and it has lending events of
 * its own (as the account) on a tracked market of that chain. Sync reads the markets of the largest
 * {@code max-candidates} counterparties per chain; a history holds at most {@code max-related},
 * those with a liquidation first, then the largest transfers.
 *
 * <p>Privacy: the addresses stay in this module's tables. A {@link RelatedWallet} carries no
 * address, only the relation, the chain, the USD transferred and the wallet's lending events and
 * open positions on that chain; nothing about a counterparty counts in the borrower's sync
 * progress.
 */
@Component
public class RelatedWallets {

  private final JdbcClient jdbc;
  private final ChainsProperties chains;
  private final RelatedWalletsProperties properties;
  private final MarketSync markets;
  private final StoredHistory stored;
  private final Positions positions;
  private final Clock clock;

  RelatedWallets(
      JdbcClient jdbc,
      ChainsProperties chains,
      RelatedWalletsProperties properties,
      MarketSync markets,
      StoredHistory stored,
      Positions positions,
      Clock clock) {
    this.jdbc = jdbc;
    this.chains = chains;
    this.properties = properties;
    this.markets = markets;
    this.stored = stored;
    this.positions = positions;
    this.clock = clock;
  }

  /**
   * A counterparty of the linked wallets on one chain.
   *
   * @param fundedBy it sent value to a linked wallet
   * @param funded it received value from a linked wallet
   * @param liquidated it has a stored liquidation as the account
   */
  record Counterparty(
      long chainId,
      String address,
      BigDecimal transferredUsd,
      boolean fundedBy,
      boolean funded,
      boolean liquidated) {

    Relation relation() {
      return fundedBy && funded ? Relation.BOTH : fundedBy ? Relation.FUNDED_BY : Relation.FUNDED;
    }
  }

  boolean enabled() {
    return properties.enabled();
  }

  /**
   * Reads the lending markets of the chain's largest counterparties of {@code linked} (at most
   * {@code max-candidates}), each from its own cursor, so that {@link #of} can tell which have
   * lending activity. Nothing read here counts in the borrower's sync progress.
   *
   * @return how many counterparties were read
   * @throws ChainReadException when the chain cannot be read; everything committed before stays
   */
  int readCounterparties(ChainReader reader, ChainsProperties.Chain chain, List<String> linked) {
    List<Counterparty> candidates =
        counterparties(linked, chain.id(), clock.instant(), false, properties.maxCandidates());
    for (Counterparty candidate : candidates) {
      for (ChainsProperties.Market market : chain.markets()) {
        markets.sync(reader, chain, market, candidate.address());
      }
    }
    return candidates.size();
  }

  /**
   * The related wallets of {@code linked} as of {@code asOf}: each one's lending events on the
   * chain of the relation, normalised as a linked wallet's ({@link StoredHistory}), and its open
   * positions there at {@code asOf}, read by {@code eth_call} ({@link Positions}).
   *
   * @param linked the profile's linked EVM wallets, lower case
   * @throws ChainReadException if a chain holding a related wallet's positions cannot be read
   */
  public List<RelatedWallet> of(List<String> linked, Instant asOf) {
    if (!properties.enabled() || linked.isEmpty()) {
      return List.of();
    }
    List<Counterparty> related = counterparties(linked, null, asOf, true, properties.maxRelated());
    if (related.isEmpty()) {
      return List.of();
    }
    Map<Long, String> names =
        chains.chains().stream()
            .collect(Collectors.toMap(ChainsProperties.Chain::id, ChainsProperties.Chain::name));
    List<String> addresses = related.stream().map(Counterparty::address).distinct().toList();
    Map<String, List<Positions.WalletPosition>> open = positions.byWallet(addresses, asOf);
    List<RelatedWallet> out = new ArrayList<>();
    for (Counterparty c : related) {
      String chain = names.getOrDefault(c.chainId(), "evm-" + c.chainId());
      List<LendingEvent> events =
          stored.lendingEvents(List.of(c.address()), asOf).stream()
              .filter(e -> e.chain().equals(chain))
              .toList();
      List<PositionSnapshot> held =
          open.getOrDefault(c.address(), List.of()).stream()
              .map(Positions.WalletPosition::position)
              .filter(p -> p.chain().equals(chain))
              .toList();
      out.add(
          new RelatedWallet(c.relation(), chain, c.transferredUsd().doubleValue(), events, held));
    }
    return out;
  }

  /**
   * Counterparties of {@code linked}, with a liquidation first, then by USD transferred.
   *
   * @param chainId one chain, or null for every chain
   * @param withLending only those with a stored lending event as the account (at or before asOf)
   */
  List<Counterparty> counterparties(
      List<String> linked, Long chainId, Instant asOf, boolean withLending, int limit) {
    if (linked.isEmpty()) {
      return List.of();
    }
    Set<String> excluded = new LinkedHashSet<>(linked);
    excluded.addAll(properties.excluded());
    String sql =
        """
        SELECT t.chain_id, t.counterparty, sum(t.amount_usd) AS total,
               bool_or(t.direction = 'IN') AS funded_by, bool_or(t.direction = 'OUT') AS funded,
               EXISTS (SELECT 1 FROM history_event e
                       WHERE e.wallet = t.counterparty AND e.chain_id = t.chain_id
                         AND e.wallet_role = 'ACCOUNT' AND e.block_time <= :asOf
                         AND e.event_name IN ('LiquidationCall', 'AbsorbDebt')) AS liquidated
        FROM history_transfer t
        WHERE t.wallet IN (:linked) AND t.counterparty NOT IN (:excluded)
          AND t.block_time <= :asOf AND (CAST(:chain AS BIGINT) IS NULL OR t.chain_id = :chain)
          AND (NOT :withLending OR EXISTS (
                SELECT 1 FROM history_event e
                WHERE e.wallet = t.counterparty AND e.chain_id = t.chain_id
                  AND e.wallet_role = 'ACCOUNT' AND e.block_time <= :asOf))
        GROUP BY t.chain_id, t.counterparty
        HAVING sum(t.amount_usd) >= :min
        ORDER BY liquidated DESC, total DESC, t.chain_id, t.counterparty
        LIMIT :limit
        """;
    return jdbc.sql(sql)
        .param("linked", linked)
        .param("excluded", List.copyOf(excluded))
        .param("asOf", Timestamp.from(asOf))
        .param("chain", chainId, java.sql.Types.BIGINT)
        .param("withLending", withLending)
        .param("min", properties.minCounterpartyUsd())
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Counterparty(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getBigDecimal(3),
                    rs.getBoolean(4),
                    rs.getBoolean(5),
                    rs.getBoolean(6)))
        .list();
  }
}
