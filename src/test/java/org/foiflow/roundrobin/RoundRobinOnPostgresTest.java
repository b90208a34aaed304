package org.foiflow.roundrobin;

import org.foiflow.cluster.EmbeddedPostgresDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every scenario of {@link RoundRobinTest} on a real PostgreSQL with the postgres profile: the set is made under a row lock on the first request (SELECT ... FOR UPDATE), which H2 only imitates.
 */
// Not inherited: the postgres profile must come first, or it would switch on the job executor (see application-test.yaml).
// The same context as the other PostgreSQL tests of this shape: no new server is started for it.
@ActiveProfiles(value = {"postgres", "test", "demo"}, inheritProfiles = false)
@Import(EmbeddedPostgresDatabase.class)
class RoundRobinOnPostgresTest extends RoundRobinTest {
}
