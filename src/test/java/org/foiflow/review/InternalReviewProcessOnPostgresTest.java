package org.foiflow.review;

import org.foiflow.cluster.EmbeddedPostgresDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every scenario of {@link InternalReviewProcessTest}, inherited as they stand, on a real
 * PostgreSQL with the postgres profile (the review records and their reporting rows included).
 */
// Not inherited: merged with the superclass's {"test", "demo"} the order would be test, demo, postgres, and the
// postgres profile, last, would switch on the job executor, which then races the test for the same jobs.
@ActiveProfiles(value = {"postgres", "test", "demo"}, inheritProfiles = false)
@Import(EmbeddedPostgresDatabase.class)
class InternalReviewProcessOnPostgresTest extends InternalReviewProcessTest {
}
