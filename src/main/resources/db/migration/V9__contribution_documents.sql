-- The documents a business unit added to the case from its contribution page (issue 18): which contribution each
-- came with, so the contribution page lists the unit's own documents and the case page shows them under the unit.
-- The document itself is an ordinary undecided document of the case (foi_document, added_by "user (unit name)").
-- Written by org.foiflow.contributionpage; removed with the case's contributions (ContributionRetention).
CREATE TABLE foi_contribution_document (
  contribution_id  VARCHAR(36)  NOT NULL,
  document_id      VARCHAR(36)  NOT NULL,
  PRIMARY KEY (contribution_id, document_id)
);
CREATE INDEX foi_contribution_document_by_document ON foi_contribution_document (document_id);
