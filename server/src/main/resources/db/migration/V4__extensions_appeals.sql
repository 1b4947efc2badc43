-- Extensions, appeals (reconsideration) and peer-to-peer conversations (issue 11). One statement per
-- change, the same SQL on H2 and PostgreSQL.

-- An extension of the decision clock, at most one per case: how many calendar days (1 to 14), by
-- whom, when and why. due_at holds the due time it moved.
ALTER TABLE review_case ADD COLUMN extension_days INT;
ALTER TABLE review_case ADD COLUMN extended_by VARCHAR(200);
ALTER TABLE review_case ADD COLUMN extended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review_case ADD COLUMN extension_reason TEXT;

-- An appeal of a denial, at most one per case: its urgency, by whom, when and why, and the denial it
-- appeals (the decision columns then hold the decision on reconsideration, once made). A case with
-- appealed_at set and status 'approved' was approved after appeal.
ALTER TABLE review_case ADD COLUMN appeal_urgency VARCHAR(20);
ALTER TABLE review_case ADD COLUMN appealed_by VARCHAR(200);
ALTER TABLE review_case ADD COLUMN appealed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review_case ADD COLUMN appeal_reason TEXT;
ALTER TABLE review_case ADD COLUMN denied_by VARCHAR(200);
ALTER TABLE review_case ADD COLUMN denied_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review_case ADD COLUMN denial_rationale TEXT;

-- Peer-to-peer conversations between a plan physician and the requesting provider, any number per
-- case, in the order recorded. participants is a JSON array of strings.
CREATE TABLE peer_to_peer (
    case_id      VARCHAR(40)  NOT NULL REFERENCES review_case (id),
    seq          INT          NOT NULL,
    held_on      DATE         NOT NULL,
    participants TEXT         NOT NULL,
    summary      TEXT         NOT NULL,
    recorded_by  VARCHAR(200) NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, seq)
);
