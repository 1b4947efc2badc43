-- Each document (a request as submitted or as it stands, a determination, an information patch, a
-- decision) is stored once, under the SHA-256 of its text; cases, determinations and audit entries
-- reference it by that hash (audit verify recomputes it). Rows written before this migration keep
-- their text in place, and the reads take either.
CREATE TABLE document (
    hash    CHAR(64) NOT NULL PRIMARY KEY,
    content TEXT     NOT NULL
);

ALTER TABLE review_case ADD COLUMN request_hash CHAR(64);
ALTER TABLE review_case ALTER COLUMN request_json DROP NOT NULL;
ALTER TABLE determination ADD COLUMN json_hash CHAR(64);
ALTER TABLE determination ALTER COLUMN json DROP NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN content DROP NOT NULL;
