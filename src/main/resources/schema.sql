-- One row a year: the last reference number issued (FOI-YYYY-NNNNN), updated in the engine's transaction
-- so a rolled-back registration gives its number back and two nodes never issue the same one.
CREATE TABLE IF NOT EXISTS foi_reference_counter (
  reference_year INTEGER PRIMARY KEY,
  last_number    INTEGER NOT NULL
);
