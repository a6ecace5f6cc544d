-- Issue 11, module attestation: issued attestations and, per chain, the mint and revocation outbox.
CREATE TABLE attestation (
    uid                  BYTEA        PRIMARY KEY CHECK (length(uid) = 32),
    profile_id           UUID         NOT NULL REFERENCES borrower_profile (id),
    score_run_id         UUID         NOT NULL REFERENCES score_run (id),
    model_id             VARCHAR(64)  NOT NULL,
    recipient            VARCHAR(42)  NOT NULL,
    statement_kind       VARCHAR(16)  NOT NULL CHECK (statement_kind IN ('BAND', 'THRESHOLD')),
    lo                   INTEGER      NOT NULL,
    hi                   INTEGER      NOT NULL,
    -- The credential package without the opening (what a lender receives).
    package              TEXT         NOT NULL,
    -- AES-GCM(nonce ‖ ciphertext ‖ tag) of the opening, with the uid as associated data.
    opening_sealed       BYTEA        NOT NULL,
    issued_at            TIMESTAMPTZ  NOT NULL,
    expires_at           TIMESTAMPTZ  NOT NULL,
    revoked_at           TIMESTAMPTZ,
    revocation_reason    VARCHAR(16)  CHECK (revocation_reason IN ('BORROWER', 'SCORE_CHANGED', 'SUPERSEDED')),
    revocation_signature BYTEA,
    superseded_by        BYTEA,
    CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))
);
CREATE INDEX attestation_profile ON attestation (profile_id, issued_at DESC);

-- One row per (attestation, chain): the mint (when the borrower chose the chain) and the relayed
-- revocation (every chain with a registry). The outbox claims due rows with a lease so that no two
-- instances work on one row at a time; a transaction is written here before it is broadcast.
CREATE TABLE attestation_chain (
    uid               BYTEA        NOT NULL REFERENCES attestation (uid),
    chain_id          BIGINT       NOT NULL,
    registry          VARCHAR(42)  NOT NULL,
    requested         BOOLEAN      NOT NULL,
    mint_state        VARCHAR(16)  NOT NULL CHECK (mint_state IN
                          ('AWAITING_CONSENT', 'PENDING', 'SUBMITTED', 'MINTED', 'FAILED', 'CANCELLED',
                           'NOT_REQUESTED')),
    consent_signature BYTEA,
    mint_tx_hash      VARCHAR(66),
    mint_block        BIGINT,
    revoke_state      VARCHAR(16)  NOT NULL DEFAULT 'NONE' CHECK (revoke_state IN
                          ('NONE', 'PENDING', 'SUBMITTED', 'DONE', 'FAILED')),
    revoke_tx_hash    VARCHAR(66),
    revoke_block      BIGINT,
    attempts          INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ  NOT NULL,
    last_error        VARCHAR(500),
    claimed_by        VARCHAR(100),
    claimed_until     TIMESTAMPTZ,
    PRIMARY KEY (uid, chain_id)
);
CREATE INDEX attestation_chain_due ON attestation_chain (chain_id, next_attempt_at)
    WHERE mint_state IN ('PENDING', 'SUBMITTED') OR revoke_state IN ('PENDING', 'SUBMITTED');
