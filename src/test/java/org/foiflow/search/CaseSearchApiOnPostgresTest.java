package org.foiflow.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.foiflow.cluster.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every scenario of {@link CaseSearchApiTest} on a real PostgreSQL with the postgres profile: the search there runs
 * on PostgreSQL's full-text index (db/vendor/postgresql), not LIKE.
 */
// Not inherited: the postgres profile must come first, or it would switch on the job executor (see application-test.yaml).
@ActiveProfiles(value = {"postgres", "test", "demo"}, inheritProfiles = false)
@Import(EmbeddedPostgresDatabase.class)
class CaseSearchApiOnPostgresTest extends CaseSearchApiTest {

  @Test
  void theSearchHasPostgresFullTextIndex() {
    assertThat(jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = 'foi_case_search_words'",
        String.class)).contains("gin", "to_tsvector('simple'", "search_text");
  }
}
