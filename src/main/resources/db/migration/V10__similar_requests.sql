-- Similar requests (issue 19, org.foiflow.similarity): each case's request as the distinct stems Lucene's
-- EnglishAnalyzer makes of it (stop words dropped, Porter-stemmed), one row each, written in the engine's
-- transaction at registration (and when the request is clarified). In the database, not on a node's disk, so two
-- nodes find the same similar requests. A term's document frequency is counted from the primary key's range; a
-- case's terms are read by the second index. Removed with the requester's words once the retention period has
-- passed (search.SearchRetention). Runs on H2 and PostgreSQL.
CREATE TABLE foi_case_term (
  term       VARCHAR(100) NOT NULL,
  reference  VARCHAR(20)  NOT NULL,
  PRIMARY KEY (term, reference)
);
CREATE INDEX foi_case_term_by_case ON foi_case_term (reference, term);
