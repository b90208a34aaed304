-- Download links for released documents too large to email (issue 16): the requester's link carries a random
-- token; only its SHA-256 is kept here, so a copy of the table opens nothing. A link serves the case's released
-- copies (never an original) until expires_at, and its rows go with the case's documents (retention).
-- No personal data: the case is named by its process instance and reference.
CREATE TABLE foi_release_link (
  token_sha256        VARCHAR(64)  NOT NULL PRIMARY KEY,
  process_instance_id VARCHAR(64)  NOT NULL,
  reference           VARCHAR(32)  NOT NULL,
  created_at          TIMESTAMP    NOT NULL,
  expires_at          TIMESTAMP    NOT NULL
);
CREATE INDEX foi_release_link_by_case ON foi_release_link (process_instance_id);

-- The released copies a published disclosure log entry offers (issue 16): which documents of the case, by id and
-- file name, as they were when the entry was published. The copy itself is the case's released copy (burned in,
-- never an original); the public fetches it at /disclosure-log/{reference}/documents/{document_id}.pdf.
CREATE TABLE foi_disclosure_log_document (
  reference           VARCHAR(20)  NOT NULL,
  document_id         VARCHAR(64)  NOT NULL,
  process_instance_id VARCHAR(64)  NOT NULL,
  file_name           VARCHAR(300) NOT NULL,
  position            INT          NOT NULL,
  PRIMARY KEY (reference, document_id)
);
CREATE INDEX foi_disclosure_log_document_by_case ON foi_disclosure_log_document (process_instance_id);
