-- The attestation outbox's own db-scheduler table. History's sync jobs and the outbox run two
-- scheduler instances; sharing one table made each log the other's task names as unknown at every
-- start. Same layout as scheduled_tasks (db-scheduler's PostgreSQL schema, Flyway V11).
CREATE TABLE attestation_scheduled_tasks (LIKE scheduled_tasks INCLUDING ALL);
