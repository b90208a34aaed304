-- foiflow's own tables as the last release without Flyway (its schema.sql) left them; the engine's ACT_* tables
-- are the engine's (camunda.bpm.database.schema-update). Runs on H2 and PostgreSQL. A database that release made
-- is baselined at 1 instead (org.foiflow.schema.FoiflowSchemaMigration); a change goes into V2, V3..., never here.

-- One row a year: the last reference number issued (FOI-YYYY-NNNNN), updated in the engine's transaction
-- so a rolled-back registration gives its number back and two nodes never issue the same one.
CREATE TABLE foi_reference_counter (
  reference_year INTEGER PRIMARY KEY,
  last_number    INTEGER NOT NULL
);

-- The case index: one row per FOI case, written by the process in the engine's transaction (registration,
-- every clock change, every task change, closure). The deadline view and the statistics read it with one
-- indexed query instead of walking the engine's tables case by case. No requester personal data here.
CREATE TABLE foi_case (
  reference           VARCHAR(20)  PRIMARY KEY,
  process_instance_id VARCHAR(64)  NOT NULL,
  regime              VARCHAR(8)   NOT NULL,
  channel             VARCHAR(8),
  received_on         DATE         NOT NULL,
  due_on              DATE         NOT NULL,
  clock               VARCHAR(16)  NOT NULL,
  clock_paused_reason VARCHAR(200),
  stage               VARCHAR(200),
  assignee            VARCHAR(64),
  outcome             VARCHAR(32),
  responded_on        DATE,
  closed_on           DATE,
  -- One case per submission: the same requester, request and receipt date cannot be logged twice.
  intake_fingerprint  VARCHAR(64)
);
-- The deadline view's pages (open cases by due date, then reference) come straight off this index, and its
-- status counts read only the index (clock is in it): measured in docs/benchmarks.md at 100 000 open cases.
CREATE INDEX foi_case_open_by_due_reference ON foi_case (closed_on, due_on, reference, clock);
CREATE INDEX foi_case_by_process ON foi_case (process_instance_id);
CREATE UNIQUE INDEX foi_case_one_per_submission ON foi_case (intake_fingerprint);

-- After the response (reporting, internal reviews, ICO complaints, disclosure log). Each table is written by
-- its process in the engine's transaction, so a rolled-back step leaves it as it was; the statistics are
-- GROUP BY queries over these tables and foi_case. No requester personal data in any of them.

-- Facts of a closed case that foi_case does not carry: the due date before an extension and the extension.
CREATE TABLE foi_case_report (
  reference              VARCHAR(20) PRIMARY KEY,
  original_due_on        DATE,
  extended_due_on        DATE,
  extension_kind         VARCHAR(32),
  extension_working_days INTEGER
);

-- The exemptions (FOIA) and exceptions (EIR) a closed case cited, one row each.
CREATE TABLE foi_case_exemption (
  reference VARCHAR(20) NOT NULL,
  code      VARCHAR(32) NOT NULL,
  PRIMARY KEY (reference, code)
);

-- One row per internal review (EIR: reconsideration under reg 11), keyed by its process instance.
CREATE TABLE foi_review (
  review_id       VARCHAR(64) PRIMARY KEY,
  reference       VARCHAR(20) NOT NULL,
  regime          VARCHAR(8)  NOT NULL,
  received_on     DATE        NOT NULL,
  late_request    BOOLEAN     NOT NULL,
  accepted        BOOLEAN,
  due_on          DATE,
  extended        BOOLEAN     NOT NULL,
  outcome         VARCHAR(32),
  revised_outcome VARCHAR(32),
  completed_on    DATE
);
CREATE INDEX foi_review_by_received ON foi_review (received_on);
CREATE INDEX foi_review_by_reference ON foi_review (reference);

-- One row per complaint the Information Commissioner notified (s.50), keyed by its process instance.
CREATE TABLE foi_ico_complaint (
  complaint_id       VARCHAR(64) PRIMARY KEY,
  reference          VARCHAR(20) NOT NULL,
  ico_reference      VARCHAR(40),
  notified_on        DATE        NOT NULL,
  respond_by         DATE,
  responded_on       DATE,
  decision_outcome   VARCHAR(32),
  decision_notice_on DATE,
  steps_ordered      BOOLEAN,
  steps_due_on       DATE,
  steps_completed_on DATE,
  appeal             VARCHAR(32),
  appeal_outcome     VARCHAR(32),
  closed_on          DATE
);
CREATE INDEX foi_ico_complaint_by_notified ON foi_ico_complaint (notified_on);

-- The public disclosure log: only what an officer approved for publication, never the requester's details.
CREATE TABLE foi_disclosure_log (
  reference     VARCHAR(20)     PRIMARY KEY,
  regime        VARCHAR(8)      NOT NULL,
  outcome       VARCHAR(32)     NOT NULL,
  received_on   DATE            NOT NULL,
  responded_on  DATE,
  published_on  DATE            NOT NULL,
  subject       VARCHAR(200),
  request_text  VARCHAR(20000)  NOT NULL,
  response_text VARCHAR(100000) NOT NULL,
  exemptions    VARCHAR(1000)
);
CREATE INDEX foi_disclosure_log_by_response ON foi_disclosure_log (responded_on);

-- Letters to email. A row is written in the engine's transaction when a letter is sent, so a step that rolls
-- back (a conflict with another node, a crash) emails nothing; the letter is emailed once that transaction has
-- committed, and by any node, later, if the node that committed it died first. sent_at marks it delivered.
-- No personal data: the recipient and the letter are read from the case when it is emailed.
CREATE TABLE foi_letter_dispatch (
  process_instance_id VARCHAR(64)   NOT NULL,
  letter_id           VARCHAR(32)   NOT NULL,
  subject             VARCHAR(300)  NOT NULL,
  queued_at           TIMESTAMP     NOT NULL,
  leased_until        TIMESTAMP,
  attempts            INTEGER       NOT NULL,
  sent_at             TIMESTAMP,
  last_error          VARCHAR(1000),
  PRIMARY KEY (process_instance_id, letter_id)
);
CREATE INDEX foi_letter_dispatch_unsent ON foi_letter_dispatch (sent_at, queued_at);
