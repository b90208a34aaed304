-- The documents an officer adds to a case (issue 16) and their redactions, in the database so every node of a
-- cluster reads them (BYTEA here; the other database's V5 is the same with its own binary type). A document
-- keeps the file as uploaded, the PDF rendition its pages are redacted on (with its page count), and a cached
-- burned-in copy, emptied whenever its redactions change. version counts writes, so two officers changing one
-- document at once get a conflict, not a lost change. The same file cannot be added to a case twice.
-- Written and read by org.foiflow.documents.DocumentRecords; removed with the case's history (DocumentRetention).
CREATE TABLE foi_document (
  id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
  process_instance_id VARCHAR(64)   NOT NULL,
  reference           VARCHAR(32)   NOT NULL,
  file_name           VARCHAR(255)  NOT NULL,
  content_type        VARCHAR(100)  NOT NULL,
  size_bytes          BIGINT        NOT NULL,
  sha256              VARCHAR(64)   NOT NULL,
  original            BYTEA          NOT NULL,
  rendition           BYTEA          NOT NULL,
  pages               INT           NOT NULL,
  burned              BYTEA,
  decision            VARCHAR(20)   NOT NULL,
  exemptions          VARCHAR(1000) NOT NULL,
  added_by            VARCHAR(255)  NOT NULL,
  added_at            TIMESTAMP     NOT NULL,
  decided_by          VARCHAR(255),
  decided_at          TIMESTAMP,
  version             INT           NOT NULL
);
CREATE UNIQUE INDEX foi_document_once_per_case ON foi_document (process_instance_id, sha256);
CREATE INDEX foi_document_by_reference ON foi_document (reference);

-- One redaction: a phrase (every match), a pattern or a box drawn on a page, with the exemption that justifies
-- it; areas is its places on the pages as JSON [{page,x,y,width,height}], in PDF points from the page's top left.
CREATE TABLE foi_document_redaction (
  id          VARCHAR(36)   NOT NULL PRIMARY KEY,
  document_id VARCHAR(36)   NOT NULL REFERENCES foi_document (id) ON DELETE CASCADE,
  kind        VARCHAR(10)   NOT NULL,
  exemption   VARCHAR(32)   NOT NULL,
  label       VARCHAR(40)   NOT NULL,
  text        VARCHAR(1000),
  areas       TEXT          NOT NULL,
  match_count INT           NOT NULL,
  added_by    VARCHAR(255)  NOT NULL,
  added_at    TIMESTAMP     NOT NULL
);
CREATE INDEX foi_document_redaction_by_document ON foi_document_redaction (document_id, added_at);
