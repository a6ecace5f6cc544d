-- Spring Modulith's JDBC event publication registry (schema v2 of spring-modulith-events-jdbc 2.1):
-- every event for an asynchronous (transactional) listener is stored with the publishing
-- transaction and marked complete when its listener succeeds, so a crash between the two loses
-- nothing. The library's own schema initialisation is off; Flyway is the one schema source.
CREATE TABLE event_publication (
    id                      uuid         PRIMARY KEY,
    listener_id             text         NOT NULL,
    event_type              text         NOT NULL,
    serialized_event        text         NOT NULL,
    publication_date        timestamptz  NOT NULL,
    completion_date         timestamptz,
    status                  text,
    completion_attempts     int,
    last_resubmission_date  timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Sessions written by Spring Security 6 (Boot 3.5) hold classes Spring Security 7 cannot read back,
-- and the principal's class moved with the application modules: upgrading signs everyone out once.
DELETE FROM spring_session_attributes;
DELETE FROM spring_session;
