-- PostgreSQL's own full-text search over foi_case.search_text (V2): a GIN index of its words, which
-- org.foiflow.search.CaseSearch queries with to_tsquery('simple', 'word:* & ...') (word prefixes, as on H2).
-- 'simple': no stemming or stop words, since search_text is already lower-cased and unaccented and names,
-- emails and references must match as typed.
CREATE INDEX foi_case_search_words ON foi_case USING GIN (to_tsvector('simple', search_text));
