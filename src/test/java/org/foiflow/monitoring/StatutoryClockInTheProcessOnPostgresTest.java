package org.foiflow.monitoring;

import org.foiflow.cluster.EmbeddedPostgresDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every scenario of {@link StatutoryClockInTheProcessTest}, inherited as they stand, on a real
 * PostgreSQL with the postgres profile (the case index's clock columns included).
 */
@ActiveProfiles({"postgres", "test", "demo"})
@Import(EmbeddedPostgresDatabase.class)
class StatutoryClockInTheProcessOnPostgresTest extends StatutoryClockInTheProcessTest {
}
