package org.foiflow.assessment;

import static org.foiflow.casefile.CaseVariable.DISCLOSURE_SCOPE;
import static org.foiflow.casefile.CaseVariable.EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.EXEMPTION_SUBSECTIONS;
import static org.foiflow.casefile.CaseVariable.OFFERED_EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.RECOMMENDED_EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.REGIME;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.Spin;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.ProcessVariable;
import org.foiflow.casefile.Regime;
import org.foiflow.casefile.UserTaskListenerPlugin;
import org.springframework.stereotype.Component;

/**
 * The exemptions a case may cite are those of its regime: FOIA sections on a FOIA request, EIR exceptions on an
 * environmental one (EIR reg 5 takes environmental information out of FOIA by s.39, and FOIA sections do not apply
 * under the EIR); in Scotland FOISA sections on a FOISA request and EISR exceptions on an environmental one (FOISA
 * s.39(2) sends environmental information to the EISR). When the exemption assessment task is created, its checklist's options (offeredExemptions, read by
 * the form's valuesKey) are the catalogue rows of the case's regime, from the catalogue deployed with the case's
 * model; when it completes, by whatever door (Tasklist, /engine-rest, the Java API), a code of the other regime or
 * none is refused, naming the field, before anything is kept.
 */
@Component
public class OfferedExemptions extends UserTaskListenerPlugin {

  /** The form whose checklist this fills and guards. */
  static final String FORM = "exemption-assessment";
  /** A business unit's contribution form, whose recommended exemptions are offered and checked the same way. */
  static final String CONTRIBUTION_FORM = "provide-information";

  /** Catalogue decision definition id -> its rows; deployments never change, so this never goes stale. */
  private final Map<String, List<CatalogueTitles.Offered>> catalogues = new ConcurrentHashMap<>();

  @Override
  protected void addListeners(TaskDefinition task) {
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, this::offer);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, this::check);
  }

  private static boolean assessment(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    return userTask != null && FORM.equals(userTask.getCamundaFormRef());
  }

  private static boolean contribution(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    return userTask != null && CONTRIBUTION_FORM.equals(userTask.getCamundaFormRef());
  }

  private void offer(DelegateTask task) {
    if (!assessment(task) && !contribution(task)) {
      return;
    }
    String regime = regimeOf(task).name();
    List<Map<String, String>> options = new ArrayList<>();
    for (CatalogueTitles.Offered row : catalogueOf(task)) {
      if (regime.equals(row.regime())) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", row.label());
        option.put("value", row.code());
        options.add(option);
      }
    }
    // JSON, as Tasklist hands a valuesKey variable to the form
    CaseFile.of(task.getExecution()).put(OFFERED_EXEMPTIONS, Spin.JSON(options));
  }

  private void check(DelegateTask task) {
    boolean contribution = contribution(task);
    if (!assessment(task) && !contribution) {
      return;
    }
    CaseFile file = CaseFile.of(task);
    if (!contribution && "FULL".equals(file.text(DISCLOSURE_SCOPE))) {
      return;
    }
    ProcessVariable field = contribution ? RECOMMENDED_EXEMPTIONS : EXEMPTIONS;
    Regime regime = regimeOf(task);
    Map<String, CatalogueTitles.Offered> catalogue = new LinkedHashMap<>();
    catalogueOf(task).forEach(row -> catalogue.put(row.code(), row));
    List<String> outsideTheRegime = new ArrayList<>();
    for (String code : file.codes(field)) {
      CatalogueTitles.Offered row = catalogue.get(code);
      if (row == null) {
        throw new CaseDataInvalidException(task.getName(), Map.of(field.key(),
            "'" + code + "' is not an exemption in the catalogue: choose from the form's list"));
      }
      if (!regime.name().equals(row.regime())) {
        outsideTheRegime.add(row.label().substring(0, row.label().indexOf(':')) + " of " + otherLaw(row.regime()));
      }
    }
    if (!outsideTheRegime.isEmpty()) {
      throw new CaseDataInvalidException(task.getName(), Map.of(field.key(),
          outsideTheRegimeProblem(regime, outsideTheRegime)));
    }
    if (!contribution) {
      checkSubsections(task, file, regime, catalogue);
    }
  }

  /**
   * The subsections ticked are of the case's law too: the form lists the UK's and FOISA's together (a form cannot
   * filter a static list by the case), so a FOISA case that ticked "Section 31(1)(a)" is refused, not cited wrongly.
   */
  private static void checkSubsections(DelegateTask task, CaseFile file, Regime regime,
                                       Map<String, CatalogueTitles.Offered> catalogue) {
    List<String> outsideTheRegime = new ArrayList<>();
    for (String code : file.codes(EXEMPTION_SUBSECTIONS)) {
      CatalogueTitles.Subsection subsection = CatalogueTitles.subsectionOf(code);
      CatalogueTitles.Offered exemption = subsection == null ? null : catalogue.get(subsection.exemption());
      if (exemption != null && !regime.name().equals(exemption.regime())) {
        outsideTheRegime.add(subsection.section() + " of " + otherLaw(exemption.regime()));
      }
    }
    if (!outsideTheRegime.isEmpty()) {
      throw new CaseDataInvalidException(task.getName(), Map.of(EXEMPTION_SUBSECTIONS.key(),
          outsideTheRegimeProblem(regime, outsideTheRegime)));
    }
  }

  /** Why codes of another regime are refused: "this is a … request: cite …, not Section 31 (…)". */
  static String outsideTheRegimeProblem(Regime regime, List<String> cited) {
    String others = String.join(", ", cited);
    return switch (regime) {
      case EIR -> "this is an Environmental Information Regulations request: cite EIR exceptions, not "
          + others + " (or change the regime at triage)";
      case FOIA -> "this is a Freedom of Information Act request: cite FOIA sections, not "
          + others + " (or change the regime at triage)";
      case FOISA -> "this is a Freedom of Information (Scotland) Act request: cite FOISA sections, not "
          + others + " (or change the regime at triage)";
      case EISR -> "this is an Environmental Information (Scotland) Regulations request: cite EISR exceptions, not "
          + others + " (or change the regime at triage)";
    };
  }

  /** How the refusal names the law a code belongs to: "the Freedom of Information Act", "the EISR". */
  private static String otherLaw(String regime) {
    Regime law = Regime.parse(regime);
    if (law == null) {
      return "another law";
    }
    return switch (law) {
      case FOIA -> "the Freedom of Information Act";
      case EIR -> "the EIR";
      case FOISA -> "FOISA";
      case EISR -> "the EISR";
    };
  }

  /** The regime triage (or the intake) kept on the case; FOIA for a case that never named one. */
  static Regime regimeOf(DelegateTask task) {
    return regimeOf(CaseFile.of(task).text(REGIME));
  }

  /** The regime kept, or FOIA when none or one no longer known was kept (the engine refuses unknown ones on entry). */
  static Regime regimeOf(String kept) {
    Regime regime = Regime.parse(kept);
    return regime == null ? Regime.FOIA : regime;
  }

  /** The catalogue deployed with the case's model version, as the assessment's catalogue look-up reads it. */
  private List<CatalogueTitles.Offered> catalogueOf(DelegateTask task) {
    RepositoryService repository = task.getProcessEngineServices().getRepositoryService();
    return Context.getCommandContext().runWithoutAuthorization(() -> {
      String id = ExemptionProfile.catalogueIdOf(repository, task.getProcessDefinitionId());
      return catalogues.computeIfAbsent(id, definition ->
          CatalogueTitles.offeredBy(repository.getDmnModelInstance(definition)));
    });
  }
}
