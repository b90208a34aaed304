package org.foiflow.contributionpage;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.foiflow.casefile.FoiRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A case's contributions are kept as long as the case: every night (01:50 London, after
 * incoming.CorrespondenceRetention) the foi_contribution rows of cases whose history cleanup has removed them are
 * deleted, with the links to the documents the units added (the documents go with documents.DocumentRetention).
 */
@Component
public class ContributionRetention {

  private final JdbcTemplate jdbc;
  private final HistoryService historyService;
  private final TransactionTemplate transaction;

  public ContributionRetention(JdbcTemplate jdbc, HistoryService historyService,
                               PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.transaction = new TransactionTemplate(transactions);
  }

  // runs where scheduling is on (foiflow.letters.dispatch-schedule, on by default; off in the tests)
  @Scheduled(cron = "0 50 1 * * *", zone = "Europe/London")
  void nightly() {
    removeContributionsOfForgottenCases();
  }

  /**
   * Deletes the contributions of cases whose history is gone (foi_case keeps the reference after history cleanup,
   * the engine does not); answers how many.
   */
  public int removeContributionsOfForgottenCases() {
    List<String> references = jdbc.queryForList("SELECT DISTINCT reference FROM foi_contribution", String.class);
    List<String> forgotten = references.stream().filter(reference -> historyService
        .createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(FoiRequest.PROCESS_KEY).count() == 0).toList();
    int removed = 0;
    for (String reference : forgotten) {
      removed += transaction.execute(status -> {
        jdbc.update("DELETE FROM foi_contribution_document WHERE contribution_id IN"
            + " (SELECT id FROM foi_contribution WHERE reference = ?)", reference);
        return jdbc.update("DELETE FROM foi_contribution WHERE reference = ?", reference);
      });
    }
    return removed;
  }
}
