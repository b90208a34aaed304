package org.foiflow.assessment;

import static org.foiflow.casefile.CaseVariable.EXEMPTION;

import java.util.Collection;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Whether codes are exemptions the DMN exemption-catalogue knows, for the steps that file codes away (the
 * statistics ledger): a code that reached the case by another door than the assessment form is refused before it
 * is written anywhere, rather than failing in the database.
 */
@Component
public class ExemptionCatalogue {

  /** The longest code the catalogue and the reporting tables hold (foi_case_exemption.code). */
  static final int LONGEST_CODE = 32;

  private final DecisionService decisionService;

  public ExemptionCatalogue(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  /** Refuses the first code the current catalogue does not know. */
  public void check(Collection<String> codes) {
    for (String code : codes) {
      if (code == null || code.isBlank() || code.length() > LONGEST_CODE || !known(code)) {
        throw new UnknownExemptionException(code);
      }
    }
  }

  /** Asked as the system: whoever closes the case (an approver) need not be allowed to evaluate the table. */
  private boolean known(String code) {
    Callable<Boolean> lookUp = () -> decisionService.evaluateDecisionByKey(ExemptionProfile.CATALOGUE)
        .variables(Variables.putValue(EXEMPTION.key(), code))
        .evaluate().getSingleResult() != null;
    CommandContext command = Context.getCommandContext();
    try {
      return command != null ? command.runWithoutAuthorization(lookUp) : lookUp.call();
    } catch (RuntimeException failed) {
      throw failed;
    } catch (Exception impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
