package io.credence.history;

import io.credence.auth.ChainFamily;
import io.credence.borrower.Borrowers;
import io.credence.borrower.LinkedWallet;
import io.credence.borrower.ProfileId;
import io.credence.history.internal.ChainsProperties;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a sync stored for a borrower, as the portal shows it (issue 16): which chains each linked
 * wallet contributed, and the raw synced events per chain. Read-only; only the borrower's own
 * active EVM wallets are read.
 */
@Service
public class SyncedHistory {

  /** The most events the history page lists (newest first). */
  public static final int MAX_EVENTS = 500;

  private final Borrowers borrowers;
  private final JdbcClient jdbc;
  private final ChainsProperties chains;

  SyncedHistory(Borrowers borrowers, JdbcClient jdbc, ChainsProperties chains) {
    this.borrowers = borrowers;
    this.jdbc = jdbc;
    this.chains = chains;
  }

  /**
   * What one wallet contributed on one chain.
   *
   * @param wallet lower-case address
   * @param events lending events stored for it on that chain
   * @param transactions transactions it sent there (its nonce at the last sync)
   * @param firstTransactionAt its first transaction there, or null when none was found
   */
  public record WalletContribution(
      String wallet,
      long chainId,
      String chain,
      long events,
      long transactions,
      Instant firstTransactionAt) {}

  /**
   * One synced lending event.
   *
   * @param amount the token amount in whole units (decimals applied)
   * @param role how the wallet took part ({@code ACCOUNT}, {@code REPAYER}, …)
   */
  public record SyncedEvent(
      long chainId,
      String chain,
      String wallet,
      String protocol,
      String event,
      String role,
      String asset,
      BigDecimal amount,
      BigDecimal amountUsd,
      long block,
      String txHash,
      Instant time) {}

  /** Per (wallet, chain) with anything synced, ordered by chain then wallet. */
  public List<WalletContribution> contributions(ProfileId profile) {
    List<String> wallets = evmWallets(profile);
    if (wallets.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT COALESCE(f.wallet, e.wallet), COALESCE(f.chain_id, e.chain_id),
                   COALESCE(e.events, 0), COALESCE(f.tx_count, 0), f.first_tx_at
            FROM (SELECT wallet, chain_id, tx_count, first_tx_at FROM history_wallet_fact
                  WHERE wallet IN (:wallets)) f
            FULL JOIN (SELECT wallet, chain_id, count(*) AS events FROM history_event
                       WHERE wallet IN (:wallets) GROUP BY wallet, chain_id) e
              ON e.wallet = f.wallet AND e.chain_id = f.chain_id
            ORDER BY 2, 1
            """)
        .param("wallets", wallets)
        .query(
            (rs, n) -> {
              Timestamp first = rs.getTimestamp(5);
              return new WalletContribution(
                  rs.getString(1),
                  rs.getLong(2),
                  chainName(rs.getLong(2)),
                  rs.getLong(3),
                  rs.getLong(4),
                  first == null ? null : first.toInstant());
            })
        .list();
  }

  /** The newest {@link #MAX_EVENTS} synced events, newest first. */
  public List<SyncedEvent> events(ProfileId profile) {
    List<String> wallets = evmWallets(profile);
    if (wallets.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT chain_id, wallet, protocol, event_name, wallet_role, asset_symbol, amount,
                   asset_decimals, amount_usd, block_number, tx_hash, block_time
            FROM history_event WHERE wallet IN (:wallets)
            ORDER BY block_time DESC, chain_id, block_number DESC, log_index DESC
            LIMIT :limit
            """)
        .param("wallets", wallets)
        .param("limit", MAX_EVENTS)
        .query(
            (rs, n) ->
                new SyncedEvent(
                    rs.getLong(1),
                    chainName(rs.getLong(1)),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    new BigDecimal(rs.getBigDecimal(7).toBigIntegerExact(), rs.getInt(8))
                        .stripTrailingZeros(),
                    rs.getBigDecimal(9),
                    rs.getLong(10),
                    rs.getString(11),
                    rs.getTimestamp(12).toInstant()))
        .list();
  }

  private List<String> evmWallets(ProfileId profile) {
    return borrowers.wallets(profile).stream()
        .filter(w -> w.family() == ChainFamily.EVM)
        .map(LinkedWallet::address)
        .map(a -> a.toLowerCase(Locale.ROOT))
        .distinct()
        .toList();
  }

  private String chainName(long chainId) {
    return chains.chain(chainId).map(ChainsProperties.Chain::name).orElse("evm-" + chainId);
  }
}
