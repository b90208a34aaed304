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
