package org.foiflow.consultation;

import static org.foiflow.casefile.CaseVariable.CONSULT_THIRD_PARTY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * "Assess exemptions" asks afresh on every pass whether to consult a third party: a consultation already filed is
 * in consultations, so the assessment goes on unless the officer asks for another.
 */
@Component("consultationRequest")
public class ConsultationRequest implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      CaseFile.of(task.getExecution().getProcessInstance()).put(CONSULT_THIRD_PARTY, false);
    }
  }
}
