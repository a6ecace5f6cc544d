-- history sync jobs: db-scheduler's table (its PostgreSQL schema for 16.x) holds the queue that every
-- backend instance polls; history_sync is the progress a borrower sees per chain.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

CREATE TABLE history_sync (
    profile_id     UUID         NOT NULL,
    chain_id       BIGINT       NOT NULL,
    state          VARCHAR(16)  NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    blocks_scanned BIGINT       NOT NULL DEFAULT 0,
    events_read    BIGINT       NOT NULL DEFAULT 0,
    runs           INTEGER      NOT NULL DEFAULT 0,
    last_instance  VARCHAR(100),
    last_error     VARCHAR(500),
    requested_at   TIMESTAMPTZ  NOT NULL,
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    PRIMARY KEY (profile_id, chain_id)
);
