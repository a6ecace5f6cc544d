-- history: general facts per (wallet, chain), read at the newest confirmed block of a sync.
CREATE TABLE history_wallet_fact (
    wallet        VARCHAR(42)  NOT NULL,
    chain_id      BIGINT       NOT NULL,
    first_tx_at   TIMESTAMPTZ,
    tx_count      BIGINT       NOT NULL CHECK (tx_count >= 0),
    at_block      BIGINT       NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (wallet, chain_id)
);
