-- One row a year: the last reference number issued (FOI-YYYY-NNNNN), updated in the engine's transaction
-- so a rolled-back registration gives its number back and two nodes never issue the same one.
CREATE TABLE IF NOT EXISTS foi_reference_counter (
  reference_year INTEGER PRIMARY KEY,
  last_number    INTEGER NOT NULL
);

-- The case index: one row per FOI case, written by the process in the engine's transaction (registration,
-- every clock change, every task change, closure). The deadline view and the statistics read it with one
-- indexed query instead of walking the engine's tables case by case. No requester personal data here.
CREATE TABLE IF NOT EXISTS foi_case (
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
  -- one case per submission: the same requester, request and receipt date cannot be logged twice
  intake_fingerprint  VARCHAR(64)  UNIQUE
);
CREATE INDEX IF NOT EXISTS foi_case_open_by_due ON foi_case (closed_on, due_on);
CREATE INDEX IF NOT EXISTS foi_case_by_process ON foi_case (process_instance_id);
