-- The disclosure log's text search (issue 21): each word searched for is a LIKE '%word%' over the entry's texts,
-- which no b-tree index can answer, so every search read every entry (303 ms at p95 over 25 000 entries; half a
-- million after ten years). A trigram index answers LIKE '%word%' on the one expression DisclosureLog.search
-- matches: reference, subject, request and response joined by spaces, lower case. A word has no spaces, so it
-- matches the joined text exactly where it matches one of the texts.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension (PostgreSQL 13+): the database's owner may
-- create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX foi_disclosure_log_words ON foi_disclosure_log USING GIN (
  (LOWER(reference || ' ' || COALESCE(subject, '') || ' ' || request_text || ' ' || response_text)) gin_trgm_ops);
