package org.foiflow.incoming;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.foiflow.casefile.FoiRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages are not kept longer than their purpose needs. One marked not a request goes once its delete_after has
 * passed: the row, its attachments and the history of its incoming-correspondence process (which holds its text).
 * One filed to a case or logged as one goes with the case's history: every night (01:45 London, after
 * documents.DocumentRetention) the messages of cases whose history cleanup has removed them are deleted, with their
 * processes' history.
 */
@Component
public class CorrespondenceRetention {

  private final CorrespondenceRecords records;
  private final JdbcTemplate jdbc;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;

  public CorrespondenceRetention(CorrespondenceRecords records, JdbcTemplate jdbc, HistoryService historyService,
                                 RuntimeService runtimeService, PlatformTransactionManager transactions) {
    this.records = records;
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.transaction = new TransactionTemplate(transactions);
  }

  // runs where scheduling is on (foiflow.letters.dispatch-schedule, on by default; off in the tests)
  @Scheduled(cron = "0 45 1 * * *", zone = "Europe/London")
  void nightly() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    removeNotRequestsPastKeeping(today);
    removeMessagesOfForgottenCases();
  }

  /** Deletes the messages marked not a request whose keeping time is over; answers how many. */
  public int removeNotRequestsPastKeeping(LocalDate today) {
    List<CorrespondenceRecords.Message> expired = records.notRequestsToDelete(today);
    expired.forEach(this::delete);
    return expired.size();
  }

  /**
   * Deletes the messages filed to (or logged as) cases whose history is gone: foi_case keeps a case's reference after
   * history cleanup, but its process instance's history no longer exists. Answers how many.
   */
  public int removeMessagesOfForgottenCases() {
    List<String> references = jdbc.queryForList("SELECT DISTINCT reference FROM foi_correspondence"
        + " WHERE reference IS NOT NULL AND status IN ('FILED', 'LOGGED')", String.class);
    // the messages' own processes have the reference as business key too: only the case's history counts
    List<String> forgotten = references.stream().filter(reference -> historyService
        .createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(FoiRequest.PROCESS_KEY).count() == 0).toList();
    List<CorrespondenceRecords.Message> messages = records.ofCases(forgotten);
    messages.forEach(this::delete);
    return messages.size();
  }

  private void delete(CorrespondenceRecords.Message message) {
    transaction.executeWithoutResult(status -> {
      String processInstanceId = message.processInstanceId();
      if (processInstanceId != null) {
        if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
          runtimeService.deleteProcessInstance(processInstanceId, "its message was deleted", true, true);
        }
        if (historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
          historyService.deleteHistoricProcessInstance(processInstanceId);
        }
      }
      records.delete(message.id());
    });
  }
}
