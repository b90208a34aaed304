package org.foiflow.assessment;

import static org.foiflow.casefile.CaseVariable.BALANCE_FAVOURS_DISCLOSURE_COUNT;
import static org.foiflow.casefile.CaseVariable.DISCLOSURE_SCOPE;
import static org.foiflow.casefile.CaseVariable.ENGAGED_EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.EXEMPTION;
import static org.foiflow.casefile.CaseVariable.EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.HARM_NOT_SHOWN_COUNT;
import static org.foiflow.casefile.CaseVariable.HARM_TESTS;
import static org.foiflow.casefile.CaseVariable.PREJUDICE_EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.PUBLIC_INTEREST_TESTS;
import static org.foiflow.casefile.CaseVariable.QUALIFIED_EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.REGIME;
import static org.foiflow.casefile.CaseVariable.SECTION36_CITED;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.Regime;
import org.springframework.stereotype.Component;

/**
 * "Look up exemptions in the catalogue": the facts about each cited exemption come from the DMN table
 * exemption-catalogue, which a designer edits; this bean only asks it once per exemption and lists the
 * ones that need a harm test (prejudice-based) and a public interest test (qualified).
 */
@Component("exemptionProfile")
public class ExemptionProfile implements JavaDelegate {

  static final String CATALOGUE = "exemption-catalogue";

  private final DecisionService decisionService;

  public ExemptionProfile(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    boolean disclosedInFull = "FULL".equals(file.text(DISCLOSURE_SCOPE));
    List<String> cited = disclosedInFull ? List.of() : file.codes(EXEMPTIONS);

    List<Map<String, Object>> engaged = new ArrayList<>();
    List<String> prejudiceBased = new ArrayList<>();
    List<String> qualified = new ArrayList<>();
    String catalogueId = cited.isEmpty() ? null : catalogueIdOf(execution);
    Regime regime = OfferedExemptions.regimeOf(file.text(REGIME));
    for (String code : cited) {
      DmnDecisionResultEntries facts = decisionService
          .evaluateDecisionById(catalogueId)
          .variables(Variables.putValue(EXEMPTION.key(), code))
          .evaluate()
          .getSingleResult();
      if (facts == null) {
        throw new UnknownExemptionException(code);
      }
      // the assessment task refuses these already; this holds for any other way the codes reached the case
      if (!regime.name().equals(facts.get("regime"))) {
        throw CaseDataInvalidException.refused("Cannot look up exemptions", Map.of(EXEMPTIONS.key(),
            ExemptionCitation.of(code) + " is not for a " + regime.name() + " request"));
      }
      Map<String, Object> exemption = new LinkedHashMap<>();
      exemption.put("code", code);
      exemption.putAll(facts.getEntryMap());
      engaged.add(exemption);
      if (Boolean.TRUE.equals(facts.get("prejudiceBased"))) {
        prejudiceBased.add(code);
      }
      if (!Boolean.TRUE.equals(facts.get("absolute"))) {
        qualified.add(code);
      }
    }
    // Lists are stored as Java values so the gateways and multi-instance tasks can read them directly.
    file.put(EXEMPTIONS, new ArrayList<>(cited));
    file.put(ENGAGED_EXEMPTIONS, engaged);
    file.put(PREJUDICE_EXEMPTIONS, prejudiceBased);
    file.put(QUALIFIED_EXEMPTIONS, qualified);
    file.put(SECTION36_CITED, cited.contains("s36"));
    // A fresh assessment means fresh tests: earlier harm and balancing results no longer stand.
    file.put(HARM_TESTS, new LinkedHashMap<String, Object>());
    file.put(HARM_NOT_SHOWN_COUNT, 0);
    file.put(PUBLIC_INTEREST_TESTS, new LinkedHashMap<String, Object>());
    file.put(BALANCE_FAVOURS_DISCLOSURE_COUNT, 0);
  }

  /** The catalogue deployed with this case's model version, so a later catalogue edit can't change it midway. */
  private String catalogueIdOf(DelegateExecution execution) {
    return catalogueIdOf(execution.getProcessEngineServices().getRepositoryService(), execution.getProcessDefinitionId());
  }

  /** The catalogue deployed with the process definition, or the latest when its deployment has none. */
  static String catalogueIdOf(RepositoryService repository, String processDefinitionId) {
    String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
    var definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(CATALOGUE)
        .deploymentId(deploymentId).singleResult();
    return definition != null ? definition.getId() : repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(CATALOGUE).latestVersion().singleResult().getId();
  }
}
