package org.foiflow.search;

import org.foiflow.cluster.EmbeddedPostgresDatabase;
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
}
