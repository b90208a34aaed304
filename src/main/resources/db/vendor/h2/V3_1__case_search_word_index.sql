-- H2's counterpart of PostgreSQL's full-text index (V2_1): each distinct word of a case's search_text, one row
-- each, written by org.foiflow.search.SearchWords in the same transaction as search_text. A search word is
-- found by a range of this primary key (word >= 'grit' AND word < 'griu': every word that starts with grit),
-- so a search reads the cases that have the word, not every case with LIKE. Filled for the cases already
-- logged by V3_2 (org.foiflow.search.SearchBackfill).
-- Words are cut at 100 characters (a search word is cut the same way), as no one types a longer one.
CREATE TABLE foi_case_word (
  word      VARCHAR(100) NOT NULL,
  reference VARCHAR(20)  NOT NULL,
  PRIMARY KEY (word, reference)
);
-- A case's other words, checked one lookup each once the rarest word has picked the candidates; and a case's
-- words replaced when its search_text changes.
CREATE INDEX foi_case_word_by_case ON foi_case_word (reference, word);
