-- Shared by every Axon service of the suite (Flyway location classpath:db/axon, from service-kit).
-- Axon's JDBC event store, token store and saga store, with Axon's default table and column names
-- (unquoted, so PostgreSQL folds them to lower case); payloads are bytea, not large objects.
CREATE TABLE DomainEventEntry (
    globalIndex         BIGSERIAL    NOT NULL PRIMARY KEY,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventIdentifier     VARCHAR(255) NOT NULL UNIQUE,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    UNIQUE (aggregateIdentifier, sequenceNumber)
);

CREATE TABLE SnapshotEventEntry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL UNIQUE,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateIdentifier, sequenceNumber)
);

CREATE TABLE TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorName, segment)
);

CREATE TABLE SagaEntry (
    sagaId         VARCHAR(255) NOT NULL PRIMARY KEY,
    revision       VARCHAR(255),
    sagaType       VARCHAR(255),
    serializedSaga BYTEA
);

CREATE TABLE AssociationValueEntry (
    id               SERIAL       NOT NULL PRIMARY KEY,
    associationKey   VARCHAR(255) NOT NULL,
    associationValue VARCHAR(255),
    sagaId           VARCHAR(255) NOT NULL,
    sagaType         VARCHAR(255)
);
CREATE INDEX AssociationValueLookup ON AssociationValueEntry (sagaType, associationKey, associationValue);
