-- Issue 9: the application connects with its own role (placeholder approle, default credence_app),
-- never as the owner: it may read and append the audit log but not change, delete or truncate it,
-- nor switch its triggers off. Migrations run as the owner.
--
-- When the role does not exist (an external database whose operator has not created it yet) the
-- grants are skipped and the application keeps using whatever role it is configured with; see
-- docs/operations.md "Database roles".
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${approle}') AND current_user <> '${approle}' THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), '${approle}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON borrower_profile, wallet_link,'
            || ' auth_nonce, spring_session, spring_session_attributes, event_publication,'
            || ' rate_limit_counter, audit_failure_tally TO %I', '${approle}');
        EXECUTE format('GRANT SELECT, INSERT ON audit_entry TO %I', '${approle}');
        -- Tables of later migrations get ordinary read/write rights; a table that must be
        -- append-only revokes them in its own migration, as audit_entry's grant above does.
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE'
            || ' ON TABLES TO %I', current_schema(), '${approle}');
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I',
            current_schema(), '${approle}');
    END IF;
END
$$;
