package org.foiflow.documents;

import static org.foiflow.casefile.CaseVariable.DISCLOSURE_SCOPE;
import static org.foiflow.casefile.CaseVariable.EXEMPTIONS;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * "Assess exemptions" agrees with the case's documents (bpmn/foi-request.bpmn names this listener on its complete
 * event, so Tasklist, the engine's API and the Java API meet it alike): when the case has documents, every one is
 * decided; the exemptions engaged in the form are exactly those its redactions and withheld documents rely on (the
 * refusal says which are missing or unused); and a full disclosure has no withheld or redacted document. A case
 * without documents is not affected. A refusal names the field exemptions and keeps the task open.
 */
@Component("documentConsistency")
public class DocumentConsistency implements TaskListener {

  static final String FULL = "FULL";

  private final CaseDocuments documents;

  public DocumentConsistency(CaseDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    List<CaseDocument> all = documents.of(task.getProcessInstanceId());
    if (all.isEmpty()) {
      return;
    }
    CaseFile file = CaseFile.of(task);
    String problem = problem(all, file.text(DISCLOSURE_SCOPE), file.codes(EXEMPTIONS),
        documents.exemptionsUsed(task.getProcessInstanceId()));
    if (problem != null) {
      throw new CaseDataInvalidException(task.getName(), Map.of(EXEMPTIONS.key(), problem));
    }
  }

  static String problem(List<CaseDocument> all, String scope, List<String> engaged, Set<String> used) {
    List<String> undecided = all.stream().filter(document -> document.decision() == DocumentDecision.UNDECIDED)
        .map(CaseDocument::fileName).toList();
    if (!undecided.isEmpty()) {
      return "decide every document of the case first (release in full, release redacted or withhold); not yet"
          + " decided: " + String.join(", ", undecided);
    }
    if (FULL.equals(scope)) {
      List<String> notInFull = all.stream().filter(document -> document.decision() != DocumentDecision.RELEASE_IN_FULL)
          .map(CaseDocument::fileName).toList();
      return notInFull.isEmpty() ? null : "a full disclosure releases every document in full, but these are withheld"
          + " or redacted: " + String.join(", ", notInFull) + "; choose a part disclosure, or change their decisions";
    }
    Set<String> missing = new LinkedHashSet<>(used);
    missing.removeAll(engaged);
    Set<String> unused = new LinkedHashSet<>(engaged);
    unused.removeAll(used);
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add("the documents' redactions and withheld documents rely on " + labels(missing)
          + ", which the assessment does not engage: add " + (missing.size() == 1 ? "it" : "them"));
    }
    if (!unused.isEmpty()) {
      problems.add(labels(unused) + (unused.size() == 1 ? " is" : " are") + " engaged, but no redaction or withheld"
          + " document relies on " + (unused.size() == 1 ? "it" : "them") + ": remove "
          + (unused.size() == 1 ? "it" : "them") + " or apply " + (unused.size() == 1 ? "it" : "them") + " to the documents");
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  private static String labels(Set<String> codes) {
    return String.join(", ", codes.stream().map(ExemptionCodes::label).toList());
  }
}
