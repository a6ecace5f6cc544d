package io.credence.history.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored events, cursors and scanned ranges. Plain SQL: idempotent inserts are {@code ON
 * CONFLICT DO NOTHING} on (chain id, tx hash, log index, wallet).
 */
@Repository
class HistoryStore {

  private final JdbcClient jdbc;

  HistoryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Cursor(long nextBlock, int blockRange) {}

  record ScannedRange(long fromBlock, long toBlock, String toBlockHash) {}

  /** One stored event as the normaliser reads it. */
  record StoredEvent(
      long chainId,
      String wallet,
      String market,
      Protocol protocol,
      String eventName,
      Role role,
      String assetSymbol,
      BigInteger amount,
      int decimals,
      BigDecimal amountUsd,
      long blockNumber,
      int logIndex,
      String txHash,
      Instant blockTime) {}

  record NewEvent(
      ProtocolLog log,
      Role role,
      AssetPrices.Token token,
      BigDecimal priceUsd,
      BigDecimal amountUsd,
      Instant blockTime) {}

  Optional<Cursor> cursor(String wallet, long chainId, String market) {
    return jdbc.sql(
            "SELECT next_block, block_range FROM history_cursor WHERE wallet = ? AND chain_id = ?"
                + " AND market = ?")
        .params(wallet, chainId, market)
        .query((rs, n) -> new Cursor(rs.getLong(1), rs.getInt(2)))
        .optional();
  }

  void saveCursor(String wallet, long chainId, String market, Cursor cursor, Instant now) {
    jdbc.sql(
            """
            INSERT INTO history_cursor (wallet, chain_id, market, next_block, block_range, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (wallet, chain_id, market)
            DO UPDATE SET next_block = EXCLUDED.next_block, block_range = EXCLUDED.block_range,
                          updated_at = EXCLUDED.updated_at
            """)
        .params(
            wallet, chainId, market, cursor.nextBlock(), cursor.blockRange(), Timestamp.from(now))
        .update();
  }

  /** Newest first. */
  List<ScannedRange> ranges(String wallet, long chainId, String market) {
    return jdbc.sql(
            "SELECT from_block, to_block, to_block_hash FROM history_scanned_range WHERE wallet = ?"
                + " AND chain_id = ? AND market = ? ORDER BY to_block DESC")
        .params(wallet, chainId, market)
        .query((rs, n) -> new ScannedRange(rs.getLong(1), rs.getLong(2), rs.getString(3)))
        .list();
  }

  void saveRange(String wallet, long chainId, String market, ScannedRange range) {
    jdbc.sql(
            "INSERT INTO history_scanned_range (wallet, chain_id, market, from_block, to_block,"
                + " to_block_hash) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .params(wallet, chainId, market, range.fromBlock(), range.toBlock(), range.toBlockHash())
        .update();
  }

  /** Forgets the scanned ranges above {@code block} (a reorg replaced those blocks). */
  void forgetRangesAbove(String wallet, long chainId, String key, long block) {
    jdbc.sql(
            "DELETE FROM history_scanned_range WHERE wallet = ? AND chain_id = ? AND market = ? AND"
                + " to_block > ?")
        .params(wallet, chainId, key, block)
        .update();
  }

  /** Forgets the market's events above {@code block}; how many. */
  int forgetEventsAbove(String wallet, long chainId, String market, long block) {
    return jdbc.sql(
            "DELETE FROM history_event WHERE wallet = ? AND chain_id = ? AND market = ? AND"
                + " block_number > ?")
        .params(wallet, chainId, market, block)
        .update();
  }

  /** Stores the events not stored before; returns how many were new. */
  int insert(String wallet, long chainId, String market, Protocol protocol, List<NewEvent> events) {
    int inserted = 0;
    for (NewEvent e : events) {
      ProtocolLog log = e.log();
      inserted +=
          jdbc.sql(
                  """
                  INSERT INTO history_event (chain_id, tx_hash, log_index, wallet, market, protocol,
                    event_name, wallet_role, account, actor, asset, asset_symbol, asset_decimals,
                    amount, price_usd, amount_usd, block_number, block_hash, block_time)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                  ON CONFLICT ON CONSTRAINT history_event_once DO NOTHING
                  """)
              .params(
                  chainId,
                  log.txHash(),
                  log.logIndex(),
                  wallet,
                  market,
                  protocol.name(),
                  log.kind().eventName(),
                  e.role().name(),
                  log.account(),
                  log.actor(),
                  log.asset(),
                  e.token().symbol(),
                  e.token().decimals(),
                  new BigDecimal(log.amount()),
                  e.priceUsd(),
                  e.amountUsd(),
                  log.blockNumber(),
                  log.blockHash(),
                  Timestamp.from(e.blockTime()))
              .update();
    }
    return inserted;
  }

  /** Every stored event of these wallets, in chain order per (chain, market). */
  List<StoredEvent> events(List<String> wallets) {
    if (wallets.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT chain_id, wallet, market, protocol, event_name, wallet_role, asset_symbol, amount,
                   asset_decimals, amount_usd, block_number, log_index, tx_hash, block_time
            FROM history_event WHERE wallet IN (:wallets)
            ORDER BY chain_id, market, wallet, block_number, log_index
            """)
        .param("wallets", wallets)
        .query(
            (rs, n) ->
                new StoredEvent(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    Protocol.valueOf(rs.getString(4)),
                    rs.getString(5),
                    Role.valueOf(rs.getString(6)),
                    rs.getString(7),
                    rs.getBigDecimal(8).toBigIntegerExact(),
                    rs.getInt(9),
                    rs.getBigDecimal(10),
                    rs.getLong(11),
                    rs.getInt(12),
                    rs.getString(13),
                    rs.getTimestamp(14).toInstant()))
        .list();
  }
}
