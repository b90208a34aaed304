-- Case search without words (GET /api/requests?status=closed&outcome=NOT_HELD&receivedFrom=...): by outcome and
-- received date, newest first. This index gives the page in order and the count from the index alone (closed_on
-- is in it, so "closed" needs no row either), instead of reading every case of the date range: measured in
-- docs/benchmarks.md section 5. Runs on H2 and PostgreSQL; what differs is in db/vendor/{vendor}/V3_1.
CREATE INDEX foi_case_by_outcome_received ON foi_case (outcome, received_on DESC, reference, closed_on);
