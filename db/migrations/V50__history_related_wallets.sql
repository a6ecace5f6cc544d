-- history: transfers of the tracked markets' tokens to and from linked wallets (issue 13, related
-- undisclosed wallets, docs/history.md "Related wallets"). Only transfers worth at least the
-- configured dust floor are stored; the counterparty is never linked and never shown to anyone:
-- the history module exports related wallets without addresses.
CREATE TABLE history_transfer (
    chain_id      BIGINT       NOT NULL,
    tx_hash       VARCHAR(66)  NOT NULL,
    log_index     INTEGER      NOT NULL,
    wallet        VARCHAR(42)  NOT NULL,
    token         VARCHAR(42)  NOT NULL,
    counterparty  VARCHAR(42)  NOT NULL,
    direction     VARCHAR(3)   NOT NULL CHECK (direction IN ('IN', 'OUT')),
    amount        NUMERIC(78, 0) NOT NULL CHECK (amount > 0),
    amount_usd    NUMERIC(40, 18) NOT NULL CHECK (amount_usd >= 0),
    block_number  BIGINT       NOT NULL,
    block_hash    VARCHAR(66)  NOT NULL,
    block_time    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT history_transfer_once UNIQUE (chain_id, tx_hash, log_index, wallet),
    CONSTRAINT history_transfer_not_self CHECK (counterparty <> wallet)
);
CREATE INDEX history_transfer_wallet ON history_transfer (wallet, chain_id, token, block_number);

-- Cursors and scanned ranges now also key a token's transfers ("erc20:<token address>", 48
-- characters) besides a market's address.
ALTER TABLE history_cursor ALTER COLUMN market TYPE VARCHAR(64);
ALTER TABLE history_scanned_range ALTER COLUMN market TYPE VARCHAR(64);
