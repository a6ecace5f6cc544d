-- Issue 11, module scoring: the model registry and the immutable score runs.
CREATE TABLE scoring_model (
    model_id       VARCHAR(64)  PRIMARY KEY CHECK (model_id ~ '^[0-9a-f]{64}$'),
    version        INTEGER      NOT NULL UNIQUE,
    source         VARCHAR(200) NOT NULL,
    feature_schema VARCHAR(16)  NOT NULL,
    evaluation     TEXT         NOT NULL,
    active         BOOLEAN      NOT NULL DEFAULT FALSE,
    registered_at  TIMESTAMPTZ  NOT NULL
);
-- Exactly one active model at a time (the database, not a check-then-act, keeps it so).
CREATE UNIQUE INDEX scoring_model_one_active ON scoring_model (active) WHERE active;

CREATE TABLE score_run (
    id                     UUID         PRIMARY KEY,
    profile_id             UUID         NOT NULL REFERENCES borrower_profile (id),
    model_id               VARCHAR(64)  NOT NULL REFERENCES scoring_model (model_id),
    outcome                VARCHAR(16)  NOT NULL CHECK (outcome IN ('SCORED', 'INSUFFICIENT')),
    score                  INTEGER,
    band                   VARCHAR(16),
    probability_of_default DOUBLE PRECISION,
    reason_codes           TEXT         NOT NULL,
    missing                TEXT         NOT NULL,
    features               TEXT         NOT NULL,
    data_used              TEXT         NOT NULL,
    as_of                  TIMESTAMPTZ  NOT NULL,
    computed_at            TIMESTAMPTZ  NOT NULL,
    CHECK ((outcome = 'SCORED') = (score IS NOT NULL))
);
CREATE INDEX score_run_profile ON score_run (profile_id, computed_at DESC);

-- Score runs are immutable records: no update, no delete.
CREATE FUNCTION score_run_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'score runs are immutable';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER score_run_no_change BEFORE UPDATE OR DELETE ON score_run
    FOR EACH ROW EXECUTE FUNCTION score_run_immutable();
