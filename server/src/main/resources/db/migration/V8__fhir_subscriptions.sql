-- PAS notifications (issue 13, the FHIR module): a key's rest-hook Subscriptions, and the pended cases
-- its Claim/$submit made while it had one, watched until decided. Kept here, not in a server's memory,
-- so that a restart forgets neither and every server on the database knows them; a watched case's row
-- is deleted by the one server that sends its notifications.

-- A Subscription as it was accepted (its JSON, status active), the key that made it, and how many
-- notifications it has been sent (the Backport's events-since-subscription-start).
CREATE TABLE fhir_subscription (
    id         VARCHAR(40)  NOT NULL PRIMARY KEY,
    owner      VARCHAR(200) NOT NULL, -- the key's name
    resource   TEXT         NOT NULL,
    events     BIGINT       NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX fhir_subscription_owner ON fhir_subscription (owner);

-- A pended case whose submitter has a subscription: the caller that submitted it (to read it as that
-- caller) and the PAS bundle it came in (the notification's ClaimResponse answers that bundle).
CREATE TABLE fhir_watched_case (
    case_id      VARCHAR(40)  NOT NULL PRIMARY KEY REFERENCES review_case (id),
    owner        VARCHAR(200) NOT NULL,
    role         VARCHAR(20)  NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    pas_bundle   TEXT         NOT NULL,
    watched_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
