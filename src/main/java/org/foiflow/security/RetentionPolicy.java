package org.foiflow.security;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Personal data is kept only as long as configured: every deployed process and decision gets the
 * configured history time-to-live (foiflow.retention.closed-cases, counted from the day a case closes), and
 * the engine's history cleanup removes closed cases, their variables and letters once it has passed.
 * The models carry the same default so they deploy anywhere; this setting lets an authority follow its own
 * retention schedule without editing them.
 */
@Component
public class RetentionPolicy {

  private final RepositoryService repositoryService;
  private final int retentionDays;

  public RetentionPolicy(RepositoryService repositoryService,
                         RetentionSettings settings) {
    this.repositoryService = repositoryService;
    this.retentionDays = (int) settings.closedCases().toDays();
  }

  @EventListener
  public void applyOnStart(ApplicationStartedEvent started) {
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().list()) {
      if (!Integer.valueOf(retentionDays).equals(definition.getHistoryTimeToLive())) {
        repositoryService.updateProcessDefinitionHistoryTimeToLive(definition.getId(), retentionDays);
      }
    }
    for (DecisionDefinition definition : repositoryService.createDecisionDefinitionQuery().list()) {
      if (!Integer.valueOf(retentionDays).equals(definition.getHistoryTimeToLive())) {
        repositoryService.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), retentionDays);
      }
    }
  }

  public int retentionDays() {
    return retentionDays;
  }
}
