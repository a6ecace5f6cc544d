-- history: lending-market events read from chain, per linked wallet (backend module history).

-- One row per (log, wallet): a log can concern two linked wallets (a repayer and the account it
-- repaid for), each with its own role. Inserting the same log for the same wallet twice is a no-op.
CREATE TABLE history_event (
    id            BIGSERIAL    PRIMARY KEY,
    chain_id      BIGINT       NOT NULL,
    tx_hash       VARCHAR(66)  NOT NULL,
    log_index     INTEGER      NOT NULL,
    wallet        VARCHAR(42)  NOT NULL,
    market        VARCHAR(42)  NOT NULL,
    protocol      VARCHAR(16)  NOT NULL,
    event_name    VARCHAR(32)  NOT NULL,
    wallet_role   VARCHAR(16)  NOT NULL,
    account       VARCHAR(42)  NOT NULL,
    actor         VARCHAR(42)  NOT NULL,
    asset         VARCHAR(42)  NOT NULL,
    asset_symbol  VARCHAR(32)  NOT NULL,
    asset_decimals SMALLINT    NOT NULL,
    amount        NUMERIC(78, 0) NOT NULL CHECK (amount >= 0),
    price_usd     NUMERIC(40, 18) NOT NULL CHECK (price_usd >= 0),
    amount_usd    NUMERIC(40, 18) NOT NULL CHECK (amount_usd >= 0),
    block_number  BIGINT       NOT NULL,
    block_hash    VARCHAR(66)  NOT NULL,
    block_time    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT history_event_once UNIQUE (chain_id, tx_hash, log_index, wallet)
);
CREATE INDEX history_event_wallet ON history_event (wallet, chain_id, market, block_number, log_index);

-- Where the next read of (wallet, chain, market) starts, and the log range size that last worked.
CREATE TABLE history_cursor (
    wallet        VARCHAR(42)  NOT NULL,
    chain_id      BIGINT       NOT NULL,
    market        VARCHAR(42)  NOT NULL,
    next_block    BIGINT       NOT NULL,
    block_range   INTEGER      NOT NULL CHECK (block_range > 0),
    updated_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (wallet, chain_id, market)
);

-- The hash of the last block of every range read, so a reorg below the cursor is noticed: the
-- newest range whose end hash still matches the chain is the point to re-read from.
CREATE TABLE history_scanned_range (
    wallet        VARCHAR(42)  NOT NULL,
    chain_id      BIGINT       NOT NULL,
    market        VARCHAR(42)  NOT NULL,
    from_block    BIGINT       NOT NULL,
    to_block      BIGINT       NOT NULL,
    to_block_hash VARCHAR(66)  NOT NULL,
    PRIMARY KEY (wallet, chain_id, market, to_block)
);
