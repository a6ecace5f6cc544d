package io.credence.history.internal;

import io.credence.scoring.features.ChainActivity;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * First activity and transaction count per (wallet, chain), from the node alone (no indexer):
 *
 * <ul>
 *   <li>transaction count = the wallet's nonce ({@code eth_getTransactionCount}) at the newest
 *       confirmed block: transactions it <em>sent</em>;
 *   <li>first transaction = the block where its nonce first became 1, found by binary search over
 *       {@code eth_getTransactionCount} at past blocks (about log2(height) calls, once per wallet
 *       and chain; needs an archive node), and that block's time;
 *   <li>active months = months with a stored lending event of the wallet on that chain, plus the
 *       first transaction's month: a lower bound, since other transactions are not read.
 * </ul>
 *
 * A contract wallet sends no transactions of its own (its nonce counts only contracts it created),
 * so it shows no first transaction.
 */
@Component
class WalletFacts {

  private final JdbcClient jdbc;
  private final Clock clock;

  WalletFacts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Reads and stores the wallet's facts on this chain at {@code block}. */
  void refresh(ChainReader chain, String walletAddress, long block) {
    String wallet = walletAddress.toLowerCase(Locale.ROOT);
    long count = chain.transactionCount(wallet, block);
    Instant first =
        jdbc.sql("SELECT first_tx_at FROM history_wallet_fact WHERE wallet = ? AND chain_id = ?")
            .params(wallet, chain.chainId())
            .query((rs, n) -> rs.getTimestamp(1))
            .optional()
            .map(t -> t == null ? null : t.toInstant())
            .orElse(null);
    if (first == null && count > 0) {
      long low = 0;
      long high = block;
      while (low < high) {
        long middle = (low + high) >>> 1;
        if (chain.transactionCount(wallet, middle) >= 1) {
          high = middle;
        } else {
          low = middle + 1;
        }
      }
      first = chain.block(low).time();
    }
    jdbc.sql(
            """
            INSERT INTO history_wallet_fact (wallet, chain_id, first_tx_at, tx_count, at_block, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (wallet, chain_id) DO UPDATE SET first_tx_at = EXCLUDED.first_tx_at,
              tx_count = EXCLUDED.tx_count, at_block = EXCLUDED.at_block, updated_at = EXCLUDED.updated_at
            """)
        .params(
            wallet,
            chain.chainId(),
            first == null ? null : Timestamp.from(first),
            count,
            block,
            Timestamp.from(clock.instant()))
        .update();
  }

  /** One {@link ChainActivity} per (wallet, chain) with stored facts. */
  List<ChainActivity> activity(List<String> wallets, Map<Long, String> chainNames) {
    if (wallets.isEmpty()) {
      return List.of();
    }
    record Fact(String wallet, long chainId, Instant first, long count) {}
    List<Fact> facts =
        jdbc.sql(
                "SELECT wallet, chain_id, first_tx_at, tx_count FROM history_wallet_fact WHERE"
                    + " wallet IN (:wallets) ORDER BY chain_id, wallet")
            .param("wallets", wallets)
            .query(
                (rs, n) ->
                    new Fact(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                        rs.getLong(4)))
            .list();
    Map<String, Set<YearMonth>> eventMonths =
        jdbc
            .sql(
                "SELECT DISTINCT wallet, chain_id, date_trunc('month', block_time AT TIME ZONE"
                    + " 'UTC') FROM history_event WHERE wallet IN (:wallets)")
            .param("wallets", wallets)
            .query(
                (rs, n) ->
                    Map.entry(
                        rs.getString(1) + "/" + rs.getLong(2),
                        YearMonth.from(rs.getTimestamp(3).toLocalDateTime())))
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
    List<ChainActivity> out = new ArrayList<>();
    for (Fact fact : facts) {
      Set<YearMonth> months =
          new HashSet<>(eventMonths.getOrDefault(fact.wallet() + "/" + fact.chainId(), Set.of()));
      if (fact.first() != null) {
        months.add(YearMonth.from(fact.first().atZone(ZoneOffset.UTC)));
      }
      out.add(
          new ChainActivity(
              chainNames.getOrDefault(fact.chainId(), "evm-" + fact.chainId()),
              fact.first(),
              fact.count(),
              months));
    }
    return out;
  }
}
