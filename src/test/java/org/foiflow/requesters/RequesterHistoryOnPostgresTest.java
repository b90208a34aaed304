package org.foiflow.requesters;

import org.foiflow.cluster.EmbeddedPostgresDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every scenario of {@link RequesterHistoryTest} on a real PostgreSQL with the postgres profile: the requester keys' indexes and the V9.1 backfill, as production runs them.
 */
// Not inherited: the postgres profile must come first, or it would switch on the job executor (see application-test.yaml).
// The same context as the other PostgreSQL tests of this shape: no new server is started for it.
@ActiveProfiles(value = {"postgres", "test", "demo"}, inheritProfiles = false)
@Import(EmbeddedPostgresDatabase.class)
class RequesterHistoryOnPostgresTest extends RequesterHistoryTest {
}
