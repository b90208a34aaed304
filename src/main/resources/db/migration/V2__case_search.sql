-- Case search (GET /api/requests?q=..., the /cases page): officers find a case by its requester, subject or words
-- of the request, open or closed. Runs on H2 and PostgreSQL; PostgreSQL's full-text index is V2_1 under
-- db/vendor/postgresql.
--
-- This brings requester personal data into foi_case (V1 kept it out): only what the search needs. The name and
-- subject are shown in the results; search_text holds the words searched, written by Java
-- (org.foiflow.search.SearchText) so both databases see the same words: reference, requester name and email,
-- subject, request text and any clarified request, lower-cased, accents removed, punctuation made spaces, with a
-- space at each end so "% word%" finds words that start with word.
ALTER TABLE foi_case ADD COLUMN requester_name VARCHAR(200);
ALTER TABLE foi_case ADD COLUMN subject VARCHAR(300);
ALTER TABLE foi_case ADD COLUMN search_text VARCHAR(100000);

-- Cases logged before this release have no requester details here (they are in the engine's history, not
-- copied): they are found by their reference only.
UPDATE foi_case SET search_text = ' ' || LOWER(REPLACE(reference, '-', ' ')) || ' ';

-- Results come newest first (received date descending, then reference): the first page of an unfiltered or
-- date-bounded search reads this index in order instead of sorting every case.
CREATE INDEX foi_case_by_received ON foi_case (received_on DESC, reference);
