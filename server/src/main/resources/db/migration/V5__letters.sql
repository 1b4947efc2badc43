-- Letters (notices) to the member and the provider: approval, denial, information request, extension,
-- reconsideration. A letter's canonical content is its HTML, stored once as a document under its
-- SHA-256 and written in the same transaction as the event it reports, with an audit entry
-- (letter-issued) whose content is that document; its PDF is rendered from it on request. Rows are
-- never updated.
CREATE TABLE letter (
    id         VARCHAR(40) NOT NULL PRIMARY KEY,
    case_id    VARCHAR(40) NOT NULL REFERENCES review_case (id),
    seq        INT         NOT NULL, -- the letter's place among its case's letters, from 1
    kind       VARCHAR(30) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sha256     CHAR(64)    NOT NULL, -- the document holding the letter's HTML
    CONSTRAINT letter_case_seq UNIQUE (case_id, seq)
);

-- The name a letter gives the reviewer who decided (a key's name is an account name, such as dr-lee).
ALTER TABLE api_key ADD COLUMN display_name VARCHAR(200);
