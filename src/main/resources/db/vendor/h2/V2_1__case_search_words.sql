-- H2 has no counterpart of PostgreSQL's full-text index that plain SQL can query (its FT_ functions keep
-- their own tables): org.foiflow.search.CaseSearch reads foi_case.search_text with LIKE '% word%'.
-- Kept so both databases record the same versions. See docs/benchmarks.md for what that costs.
SELECT 1;
