-- Borrower profiles and the wallets linked to them.

CREATE TABLE borrower_profile (
    id          uuid        PRIMARY KEY,
    created_at  timestamptz NOT NULL
);

-- One row per link. A wallet is identified by its chain family and canonical address (EVM addresses
-- lower-case hex, Solana addresses base58). An EVM key controls the same address on every EVM chain,
-- so chain_id records the chain the holder signed for, not part of the wallet's identity.
CREATE TABLE wallet_link (
    id            uuid         PRIMARY KEY,
    profile_id    uuid         NOT NULL REFERENCES borrower_profile (id),
    chain_family  varchar(16)  NOT NULL CHECK (chain_family IN ('evm', 'solana')),
    chain_id      varchar(64)  NOT NULL,
    address       varchar(64)  NOT NULL,
    linked_at     timestamptz  NOT NULL,
    unlinked_at   timestamptz,
    version       bigint       NOT NULL DEFAULT 0,
    CHECK (unlinked_at IS NULL OR unlinked_at >= linked_at)
);

-- A wallet belongs to at most one profile at a time; unlinked rows stay as history.
CREATE UNIQUE INDEX wallet_link_active_address ON wallet_link (chain_family, address)
    WHERE unlinked_at IS NULL;
CREATE INDEX wallet_link_profile ON wallet_link (profile_id);

-- Sign-in nonces: server-issued, single-use, expiring.
CREATE TABLE auth_nonce (
    nonce        varchar(64)  PRIMARY KEY,
    issued_at    timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    consumed_at  timestamptz,
    CHECK (expires_at > issued_at)
);
CREATE INDEX auth_nonce_expiry ON auth_nonce (expires_at);
