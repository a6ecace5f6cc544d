-- Issue 9: nonces are bound to their purpose and to the session that fetched them; rate limits
-- shared by every instance; failed sign-ins aggregated per client and minute.

-- A nonce serves one purpose ('sign-in' or 'link') and only the session that fetched it; the
-- session keeps a random binding secret whose SHA-256 is stored here. Nonces issued before this
-- migration have no binding and are refused.
ALTER TABLE auth_nonce
    ADD COLUMN purpose varchar(16) NOT NULL DEFAULT 'sign-in' CHECK (purpose IN ('sign-in', 'link')),
    ADD COLUMN binding bytea CHECK (binding IS NULL OR octet_length(binding) = 32);
ALTER TABLE auth_nonce ALTER COLUMN purpose DROP DEFAULT;

-- Fixed-window request counters, one row per (limit, key): the current window and its hits.
CREATE TABLE rate_limit_counter (
    bucket        varchar(32)   NOT NULL,
    client_key    varchar(128)  NOT NULL,
    window_start  timestamptz   NOT NULL,
    hits          integer       NOT NULL CHECK (hits > 0),
    PRIMARY KEY (bucket, client_key)
);
CREATE INDEX rate_limit_counter_window ON rate_limit_counter (window_start);

-- Failed sign-ins per client and minute: the first of each minute is written to the audit log at
-- once, the rest are counted here and written as one entry when the minute is over.
CREATE TABLE audit_failure_tally (
    client   varchar(64)  NOT NULL,
    minute   timestamptz  NOT NULL,
    hits     integer      NOT NULL CHECK (hits > 0),
    PRIMARY KEY (client, minute)
);

-- Sessions from before absolute lifetimes carry no sign-in time: end them once.
DELETE FROM spring_session_attributes;
DELETE FROM spring_session;
