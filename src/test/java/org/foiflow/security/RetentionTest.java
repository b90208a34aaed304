package org.foiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A closed case's personal data is gone once the configured retention period has passed. */
@SpringBootTest(properties = "foiflow.retention.closed-cases=P30D")
@ActiveProfiles({"test", "demo"})
class RetentionTest {

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private long historicValues(String processInstanceId) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).count();
  }

  @Test
  void anExpiredCasesRequesterDataIsRemovedByHistoryCleanup() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(FoiRequest.PROCESS_KEY)
        .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(30);

    FoiCase closed = FoiCase.logged(engine, FoiCase.aRequest("Rita Retention", LocalDate.of(2026, 11, 2)))
        .triagedAs(Map.of("informationHeld", false)).approved();
    FoiCase open = FoiCase.logged(engine, FoiCase.aRequest("Otto Open", LocalDate.of(2026, 11, 2)));
    String closedId = closed.instance().getId();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(closedId)
        .variableName("requesterName").singleResult().getValue()).isEqualTo("Rita Retention");

    // 29 days on, the case is kept
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(29, ChronoUnit.DAYS)));
    runHistoryCleanup();
    assertThat(historicValues(closedId)).isPositive();

    // 31 days on, its requester data, letters and history are gone; the open case is untouched
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(31, ChronoUnit.DAYS)));
    runHistoryCleanup();
    assertThat(historicValues(closedId)).isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(closedId).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .variableValueEquals("requesterName", "Rita Retention").count()).isZero();
    assertThat(engine.getRuntimeService().getVariable(open.instance().getId(), "requesterName")).isEqualTo("Otto Open");
  }

  private void runHistoryCleanup() {
    // one job per degree of parallelism (application.yaml), each over its share of the removal times' minutes
    engine.getHistoryService().cleanUpHistoryAsync(true);
    engine.getHistoryService().findHistoryCleanupJobs()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }
}
