-- Each document is stored under its case and its SHA-256: (case_id, hash). Case ids are made in time
-- order, so a new case's documents go at the end of this index, as its case row, determinations and
-- audit entries do; under the hash alone they went to a random page of a large index, which every
-- commit wrote out again. A document is still stored once for its case (a request, a determination,
-- each referenced by the case and by its audit entries); the same text in two cases is stored twice.
-- Documents of entries about no case (API keys) have the case id ''.
CREATE TABLE case_document (
    case_id VARCHAR(40) NOT NULL,
    hash    CHAR(64)    NOT NULL,
    content TEXT        NOT NULL,
    PRIMARY KEY (case_id, hash)
);

INSERT INTO case_document (case_id, hash, content)
SELECT r.case_id, d.hash, d.content
FROM (SELECT case_id, content_hash AS hash FROM audit_entry
      UNION SELECT id, request_hash FROM review_case WHERE request_hash IS NOT NULL
      UNION SELECT case_id, json_hash FROM determination WHERE json_hash IS NOT NULL) r
JOIN document d ON d.hash = r.hash;

DROP TABLE document;
ALTER TABLE case_document RENAME TO document;
