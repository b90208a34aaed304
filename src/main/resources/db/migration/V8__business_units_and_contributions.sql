-- Contributions (issue 18): the business units that hold information (each also a Camunda group, whose members work
-- its "Provide information" tasks), and every contribution asked of one. Written by org.foiflow.contributions.
--   group_id               the unit's Camunda group (bu-highways, ...)
--   manager_user_id        who is told when the unit is late (a Camunda user; may be null)
--   deadline_working_days  the internal deadline, in working days from the request (never past the statutory date)
--   demo                   created by a start with the demo profile: a start without it removes the unit, its group,
--                          grants and filter (nothing of the demo survives going live)
CREATE TABLE foi_business_unit (
  group_id               VARCHAR(64)   NOT NULL PRIMARY KEY,
  name                   VARCHAR(200)  NOT NULL,
  manager_user_id        VARCHAR(64),
  deadline_working_days  INT           NOT NULL,
  created_at             TIMESTAMP     NOT NULL,
  demo                   BOOLEAN       NOT NULL DEFAULT FALSE,
  version                INT           NOT NULL DEFAULT 0
);

-- One row per unit asked on a case (a unit asked again after handing back gets a new row).
--   asked_on / due_on       the day asked, the internal deadline
--   reminded_at / escalated_at  when the reminder and the escalation went (null: not yet, or not needed)
--   answer                  PROVIDED or HANDED_BACK; null while the unit works on it
--   late                    answered after due_on, or escalated (set with escalated_at or answered_at)
--   caused_late_response    set when the case's response went after its statutory date and this contribution was
--                           late: the statistics count late responses by the unit that caused them
CREATE TABLE foi_contribution (
  id                     VARCHAR(36)   NOT NULL PRIMARY KEY,
  reference              VARCHAR(32)   NOT NULL,
  process_instance_id    VARCHAR(64)   NOT NULL,
  unit_group_id          VARCHAR(64)   NOT NULL,
  asked_by               VARCHAR(255),
  asked_on               DATE          NOT NULL,
  due_on                 DATE          NOT NULL,
  reminded_at            TIMESTAMP,
  escalated_at           TIMESTAMP,
  answered_at            TIMESTAMP,
  answered_by            VARCHAR(255),
  answer                 VARCHAR(20),
  what_held              VARCHAR(4000),
  recommended_exemptions VARCHAR(1000),
  hours_spent            DECIMAL(9,1),
  suggestion             VARCHAR(500),
  late                   BOOLEAN       NOT NULL DEFAULT FALSE,
  caused_late_response   BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX foi_contribution_by_reference ON foi_contribution (reference);
CREATE INDEX foi_contribution_open ON foi_contribution (answered_at, due_on);
CREATE INDEX foi_contribution_by_unit ON foi_contribution (unit_group_id, caused_late_response);

-- The documents a business unit added to the case from its contribution page: which contribution each
-- came with, so the contribution page lists the unit's own documents and the case page shows them under the unit.
-- The document itself is an ordinary undecided document of the case (foi_document, added_by "user (unit name)").
-- Written by org.foiflow.contributionpage; removed with the case's contributions (ContributionRetention).
CREATE TABLE foi_contribution_document (
  contribution_id  VARCHAR(36)  NOT NULL,
  document_id      VARCHAR(36)  NOT NULL,
  PRIMARY KEY (contribution_id, document_id)
);
CREATE INDEX foi_contribution_document_by_document ON foi_contribution_document (document_id);
