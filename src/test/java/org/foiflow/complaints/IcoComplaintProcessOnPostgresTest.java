package org.foiflow.complaints;

import org.foiflow.cluster.EmbeddedPostgresDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every scenario of {@link IcoComplaintProcessTest}, inherited as they stand, on a real
 * PostgreSQL with the postgres profile (the complaint records included).
 */
@ActiveProfiles({"postgres", "test", "demo"})
@Import(EmbeddedPostgresDatabase.class)
class IcoComplaintProcessOnPostgresTest extends IcoComplaintProcessTest {
}
