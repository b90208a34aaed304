package org.foiflow.contributionpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** A case's contributions go when its history goes, with the links to the documents units added; others stay. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ContributionRetentionTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ContributionRetention retention;

  private String contribution(String reference, String processInstanceId) {
    String id = UUID.randomUUID().toString();
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    jdbc.update("INSERT INTO foi_contribution (id, reference, process_instance_id, unit_group_id, asked_on, due_on)"
        + " VALUES (?, ?, ?, 'bu-retention-test', ?, ?)", id, reference, processInstanceId, Date.valueOf(today),
        Date.valueOf(today.plusDays(14)));
    jdbc.update("INSERT INTO foi_contribution_document (contribution_id, document_id) VALUES (?, ?)", id,
        UUID.randomUUID().toString());
    return id;
  }

  private long count(String table, String column, String id) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", Long.class, id);
  }

  @Test
  void theContributionsOfACaseWhoseHistoryIsGoneAreDeletedNightlyAndALiveCasesStay() {
    FoiCase live = FoiCase.logged(engine, FoiCase.aRequest("Still Open", LocalDate.now(ZoneId.of("Europe/London"))));
    String kept = contribution(live.reference(), live.instance().getId());
    // a case the history cleanup removed: foi_case keeps its reference, the engine has no history of it
    String forgotten = contribution("FOI-1999-" + (10000 + (int) (Math.random() * 89999)), UUID.randomUUID().toString());

    assertThat(retention.removeContributionsOfForgottenCases()).isGreaterThanOrEqualTo(1);

    assertThat(count("foi_contribution", "id", forgotten)).isZero();
    assertThat(count("foi_contribution_document", "contribution_id", forgotten)).isZero();
    assertThat(count("foi_contribution", "id", kept)).isEqualTo(1);
    assertThat(count("foi_contribution_document", "contribution_id", kept)).isEqualTo(1);
  }
}
