-- Requests in context (issue 19): who else asked what, and how cases relate. Runs on H2 and PostgreSQL.
--
-- A requester is recognised across cases by keys made in Java (org.foiflow.requesters.RequesterKey): the email and
-- the name, lower-cased, accents, invisible characters and extra spaces removed. Personal data, like
-- requester_name (V2): removed with it when the case's retention period has passed (search.SearchRetention).
ALTER TABLE foi_case ADD COLUMN requester_email_key VARCHAR(320);
ALTER TABLE foi_case ADD COLUMN requester_name_key VARCHAR(200);
-- The officer's estimate at triage (hours to determine, locate, retrieve and extract): the cost of requests
-- aggregated under the Fees Regulations 2004 reg 5 is their estimates added up.
ALTER TABLE foi_case ADD COLUMN estimated_hours DECIMAL(9, 2);
-- The round robin (foi_round_robin) the request belongs to: near-identical requests from different requesters.
ALTER TABLE foi_case ADD COLUMN round_robin_id VARCHAR(36);

-- Requester history reads a requester's cases by either key, newest first.
CREATE INDEX foi_case_by_requester_email ON foi_case (requester_email_key, received_on);
CREATE INDEX foi_case_by_requester_name ON foi_case (requester_name_key, received_on);
CREATE INDEX foi_case_by_round_robin ON foi_case (round_robin_id);

-- Links between cases, recorded once and shown from both ends (org.foiflow.links.CaseLinks):
--   kind   RELATED, REPEAT_OF (reference repeats linked_reference, s.14(2)), ROUND_ROBIN, AGGREGATED_WITH (s.12,
--          reg 5), REVIEW_OF, COMPLAINT_ABOUT (reference is about linked_reference)
CREATE TABLE foi_case_link (
  reference         VARCHAR(20)  NOT NULL,
  linked_reference  VARCHAR(20)  NOT NULL,
  kind              VARCHAR(32)  NOT NULL,
  recorded_by       VARCHAR(64),
  recorded_at       TIMESTAMP    NOT NULL,
  note              VARCHAR(500),
  PRIMARY KEY (reference, linked_reference, kind)
);
CREATE INDEX foi_case_link_back ON foi_case_link (linked_reference);

-- A round robin: the same request sent by several requesters within foiflow.round-robin.window-days. One officer
-- handles the set; the first request decided may be the starting point of the others.
CREATE TABLE foi_round_robin (
  id               VARCHAR(36)  NOT NULL PRIMARY KEY,
  first_reference  VARCHAR(20)  NOT NULL,
  officer          VARCHAR(64),
  created_at       TIMESTAMP    NOT NULL,
  version          INT          NOT NULL DEFAULT 0
);
