-- Append-only, hash-chained audit log: hash = SHA-256(prev_hash || canonical entry).
-- The database itself refuses to change or remove entries.

CREATE TABLE audit_entry (
    seq          bigint       PRIMARY KEY,
    occurred_at  timestamptz  NOT NULL,
    event_type   varchar(64)  NOT NULL,
    actor        varchar(128),
    subject      varchar(256),
    details      text         NOT NULL,
    prev_hash    bytea        NOT NULL CHECK (octet_length(prev_hash) = 32),
    hash         bytea        NOT NULL UNIQUE CHECK (octet_length(hash) = 32)
);
CREATE INDEX audit_entry_type_time ON audit_entry (event_type, occurred_at);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
