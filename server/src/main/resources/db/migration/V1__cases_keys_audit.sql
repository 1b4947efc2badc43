-- One schema for H2 (embedded default) and PostgreSQL. Instants are UTC timestamps to the millisecond.

CREATE TABLE api_key (
    key_hash   CHAR(64)     NOT NULL PRIMARY KEY, -- SHA-256 of the key, hex; the key itself is never stored
    name       VARCHAR(200) NOT NULL UNIQUE,
    role       VARCHAR(20)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE review_case (
    id           VARCHAR(40)  NOT NULL PRIMARY KEY,
    submitter    VARCHAR(200) NOT NULL,
    request_id   VARCHAR(200) NOT NULL,
    body_hash    CHAR(64)     NOT NULL, -- SHA-256 of the canonical JSON of the first submission
    policy       VARCHAR(100) NOT NULL,
    status       VARCHAR(30)  NOT NULL,
    urgency      VARCHAR(20)  NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    request_json TEXT         NOT NULL,
    decision     VARCHAR(20),
    decided_by   VARCHAR(200),
    decided_at   TIMESTAMP WITH TIME ZONE,
    rationale    TEXT,
    CONSTRAINT review_case_submitter_request UNIQUE (submitter, request_id)
);

CREATE INDEX review_case_due ON review_case (due_at, id);

CREATE TABLE determination (
    case_id  VARCHAR(40) NOT NULL REFERENCES review_case (id),
    seq      INT         NOT NULL,
    at       TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome  VARCHAR(40) NOT NULL,
    json     TEXT        NOT NULL,
    PRIMARY KEY (case_id, seq)
);

-- Append-only: entries are never updated or deleted. Each entry's hash covers its fields and the
-- previous entry's hash; audit_head holds the last one and serialises appends (row lock).
CREATE TABLE audit_entry (
    seq           BIGINT       NOT NULL PRIMARY KEY,
    case_id       VARCHAR(40)  NOT NULL,
    event         VARCHAR(30)  NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    content       TEXT         NOT NULL,
    content_hash  CHAR(64)     NOT NULL,
    previous_hash CHAR(64)     NOT NULL,
    entry_hash    CHAR(64)     NOT NULL
);

CREATE INDEX audit_entry_case ON audit_entry (case_id, seq);

CREATE TABLE audit_head (
    id        INT      NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);

INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
