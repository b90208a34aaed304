package org.foiflow.review;

import org.foiflow.cluster.EmbeddedPostgresDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every scenario of {@link InternalReviewProcessTest}, inherited as they stand, on a real
 * PostgreSQL with the postgres profile (the review records and their reporting rows included).
 */
@ActiveProfiles({"postgres", "test", "demo"})
@Import(EmbeddedPostgresDatabase.class)
class InternalReviewProcessOnPostgresTest extends InternalReviewProcessTest {
}
