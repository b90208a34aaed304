package org.foiflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.foiflow.cluster.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** {@link FilterCountsTest} on a real PostgreSQL with the postgres profile. */
// Not inherited: merged with the superclass's {"test", "demo"} the postgres profile, last, would switch on the job
// executor (see StatutoryClockInTheProcessOnPostgresTest).
@ActiveProfiles(value = {"postgres", "test", "demo"}, inheritProfiles = false)
@Import(EmbeddedPostgresDatabase.class)
class FilterCountsOnPostgresTest extends FilterCountsTest {

  @Test
  void theFiltersOfTheUsersGroupsAreCountedFromTheRowsKeptPerGroup() {
    assertThat(counts.readsGroupRows()).isTrue();
  }
}
