package org.foiflow.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The search forgets a closed case's requester when its history goes (the same retention period), not before. */
@SpringBootTest(properties = "foiflow.retention.closed-cases=P30D")
@ActiveProfiles({"test", "demo"})
class SearchRetentionTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  SearchRetention retention;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  CaseSearch search;

  @Test
  void aClosedCasesRequesterLeavesTheSearchAfterTheRetentionPeriod() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    FoiCase closed = FoiCase.logged(engine, FoiCase.aRequest("Rita Retention", today))
        .triagedAs(Map.of("informationHeld", false)).approved();
    FoiCase open = FoiCase.logged(engine, FoiCase.aRequest("Otto Open", today));

    retention.forgetCasesPastRetention(today.plusDays(30));
    assertThat(row(closed)).startsWith("Rita Retention ").contains("rita retention");
    assertThat(terms(closed)).as("its request's terms, for similar requests").isPositive();
    assertThat(found("rita retention")).containsExactly(closed.reference());

    retention.forgetCasesPastRetention(today.plusDays(31));
    String reference = closed.reference();
    assertThat(row(closed)).isEqualTo("null " + " " + reference.toLowerCase().replace('-', ' ') + " ");
    assertThat(row(open)).startsWith("Otto Open ");
    assertThat(terms(closed)).isZero();
    assertThat(terms(open)).isPositive();
    // on H2 its words leave the word table too: found by its reference only
    assertThat(found("rita retention")).isEmpty();
    assertThat(found(reference)).containsExactly(reference);
    assertThat(found("otto open")).containsExactly(open.reference());
  }

  private List<String> found(String words) {
    return search.find(SearchQuery.of(words, null, null, null, null, null, null, null)).items().stream()
        .map(CaseSearch.Item::reference).toList();
  }

  private int terms(FoiCase foi) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM foi_case_term WHERE reference = ?", Integer.class,
        foi.reference());
  }

  private String row(FoiCase foi) {
    return jdbc.queryForObject("SELECT requester_name, search_text FROM foi_case WHERE reference = ?",
        (rs, n) -> rs.getString(1) + " " + rs.getString(2), foi.reference());
  }
}
