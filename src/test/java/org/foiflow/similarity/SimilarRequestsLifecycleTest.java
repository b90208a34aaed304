package org.foiflow.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A case's request terms over its life: a clarified request adds its words, and a case logged before similar
 * requests gets its terms from the engine's history (V10.2) unless it is past the retention period.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class SimilarRequestsLifecycleTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  SimilarRequests similarRequests;
  @Autowired
  SimilarRequestsBackfill backfill;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DataSource dataSource;

  private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

  @Test
  void aClarifiedRequestIsFoundByItsClarifiedWords() {
    FoiCase vague = FoiCase.logged(engine, FoiCase.aRequest("Vera Vague", today)
            .putValue("requestText", "Please send me everything about the harbour."))
        .triagedAs(Map.of("clarificationNeeded", true, "clarificationQuestion", "Which information about it?"));
    vague.clarifiedOn(today, "The dredging contract for Penzance harbour and what the dredging cost in 2025.");
    FoiCase later = FoiCase.logged(engine, FoiCase.aRequest("Lars Later", today)
        .putValue("requestText", "What did the Penzance harbour dredging contract cost in 2025?"));

    List<SimilarRequests.Similar> found = similarRequests.similarTo(later.reference(), 3);
    assertThat(found.get(0).reference()).isEqualTo(vague.reference());
    assertThat(found.get(0).similarity()).isGreaterThan(0.35);
  }

  @Test
  void aCaseLoggedBeforeSimilarRequestsGetsItsTermsFromTheBackfillUnlessPastRetention() throws Exception {
    FoiCase old = FoiCase.logged(engine, FoiCase.aRequest("Olga Older", today)
        .putValue("requestText", "How many kittiwake nests were recorded on the Tyne bridge ledges in 2025?"));
    FoiCase expired = FoiCase.logged(engine, FoiCase.aRequest("Eli Expired", today)
        .putValue("requestText", "How many kittiwake nests were recorded on the Tyne bridge towers in 2019?"));
    FoiCase asking = FoiCase.logged(engine, FoiCase.aRequest("Ada Asking", today)
        .putValue("requestText", "Kittiwake nests counted on Tyne bridge ledges during 2025"));
    // as a release before V10 left them: no terms; the expired one closed longer ago than the retention period
    jdbc.update("DELETE FROM foi_case_term WHERE reference IN (?, ?)", old.reference(), expired.reference());
    jdbc.update("UPDATE foi_case SET closed_on = ? WHERE reference = ?", Date.valueOf(today.minusYears(10)),
        expired.reference());
    // other classes' cases share this context: only these two matter
    assertThat(similarRequests.similarTo(asking.reference(), 5)).extracting(SimilarRequests.Similar::reference)
        .doesNotContain(old.reference(), expired.reference());

    try (Connection connection = dataSource.getConnection()) {
      assertThat(backfill.backfill(connection, today)).isGreaterThanOrEqualTo(1);
      assertThat(backfill.backfill(connection, today)).as("nothing left to do").isZero();
    }

    List<SimilarRequests.Similar> found = similarRequests.similarTo(asking.reference(), 5);
    assertThat(found.get(0).reference()).isEqualTo(old.reference());
    assertThat(found).extracting(SimilarRequests.Similar::reference).doesNotContain(expired.reference());
  }
}
