-- PostgreSQL searches words through V2_1's full-text index; H2's word table (db/vendor/h2/V3_1) has no
-- counterpart here. What does: open cases newest first (status=open, the /cases page's common filter) read from
-- a partial index in order, and counted from it, not from every case.
CREATE INDEX foi_case_open_by_received ON foi_case (received_on DESC, reference) WHERE closed_on IS NULL;
