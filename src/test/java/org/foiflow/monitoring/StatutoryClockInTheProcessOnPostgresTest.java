package org.foiflow.monitoring;

import org.foiflow.cluster.EmbeddedPostgresDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every scenario of {@link StatutoryClockInTheProcessTest}, inherited as they stand, on a real
 * PostgreSQL with the postgres profile (the case index's clock columns included).
 */
// Not inherited: merged with the superclass's {"test", "demo"} the order would be test, demo, postgres, and the
// postgres profile, last, would switch on the job executor, which then races the test for the same jobs.
@ActiveProfiles(value = {"postgres", "test", "demo"}, inheritProfiles = false)
@Import(EmbeddedPostgresDatabase.class)
class StatutoryClockInTheProcessOnPostgresTest extends StatutoryClockInTheProcessTest {
}
