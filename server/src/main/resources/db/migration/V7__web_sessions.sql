-- The web workspace (issue 12). One statement per change, the same SQL on H2 and PostgreSQL.

-- A signed-in browser: the SHA-256 of its session token (the token itself is only in the cookie), the
-- key it signed in with, its CSRF token, and when it was last used (sessions end after 8 idle hours).
-- A revoked key's sessions end with it: a session is read joined to its key's row.
CREATE TABLE web_session (
    id_hash      CHAR(64)    NOT NULL PRIMARY KEY,
    key_hash     CHAR(64)    NOT NULL REFERENCES api_key (key_hash),
    csrf         VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX web_session_key ON web_session (key_hash);

-- The queue page filters by status (open cases first) and counts cases per status.
CREATE INDEX review_case_status_due ON review_case (status, due_at, id);
