package org.foiflow.casepage;

import static org.foiflow.casefile.CaseVariable.ASSESSED_BY;
import static org.foiflow.casefile.CaseVariable.DECISION_SUMMARY;
import static org.foiflow.casefile.CaseVariable.OUTCOME;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.foiflow.assessment.ExemptionCitation;
import org.foiflow.casefile.CaseFile;
import org.foiflow.documents.CaseDocument;
import org.foiflow.documents.CaseDocuments;
import org.foiflow.documents.DocumentDecision;
import org.foiflow.documents.DocumentRedaction;
import org.springframework.stereotype.Component;

/**
 * When "Approve response" opens: what was decided on the case, in words, as Markdown for the approval form
 * ("decisionSummary"), above the draft: the outcome ("Granted in part", never GRANTED_IN_PART), the response, each
 * exemption cited with its subsections and title, the harm and public interest conclusions, and who assessed. The
 * words are the case page's ({@link CaseDecisions}), so the form and the page never describe a case differently.
 */
@Component("summariseDecisions")
public class DecisionSummary implements TaskListener {

  /** Characters Markdown would read as markup in an officer's words. */
  private static final Pattern MARKUP = Pattern.compile("([\\\\`*_\\[\\]<>#|!{}~])");

  private final IdentityService identityService;
  private final CaseDocuments documents;

  public DecisionSummary(IdentityService identityService, CaseDocuments documents) {
    this.identityService = identityService;
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseFile file = CaseFile.of(task);
    String summary = of(file) + documentsOf(task.getProcessInstanceId(), file.reference());
    CaseFile.of(task.getExecution().getProcessInstance()).putLongText(DECISION_SUMMARY, summary);
  }

  /**
   * The case's documents, so the approval covers the bundle as well as the letter: each one's decision, the
   * exemptions it relies on and its redactions, with a link to the copy that would be released (the redactions
   * burned in) and to the documents on the case page. Nothing for a case without documents.
   */
  String documentsOf(String processInstanceId, String reference) {
    List<CaseDocument> held = documents.of(processInstanceId);
    if (held.isEmpty()) {
      return "";
    }
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("### Documents");
    for (CaseDocument document : held) {
      List<String> facts = new ArrayList<>();
      facts.add(DECISIONS.getOrDefault(document.decision(), String.valueOf(document.decision())));
      if (!document.exemptions().isEmpty()) {
        facts.add("exemptions " + String.join(", ", document.exemptions().stream().map(ExemptionCitation::of).toList()));
      }
      int redactions = document.redactions().stream().mapToInt(DocumentRedaction::count).sum();
      if (document.decision() == DocumentDecision.RELEASE_REDACTED || redactions > 0) {
        facts.add(redactions == 1 ? "1 redaction" : redactions + " redactions");
      }
      String line = "- **" + words(document.fileName()) + ":** " + words(String.join("; ", facts));
      if (document.decision() == DocumentDecision.RELEASE_REDACTED || document.decision() == DocumentDecision.RELEASE_IN_FULL) {
        line += " · [" + (document.decision() == DocumentDecision.RELEASE_REDACTED ? "Redacted copy" : "Copy to be released")
            + " (PDF)](/api/requests/" + reference + "/documents/" + document.id() + "/redacted.pdf)";
      }
      lines.add(line);
    }
    lines.add("");
    lines.add("[See the documents and their redactions on the case page](/cases/" + reference + "#documents)");
    return String.join("\n", lines) + "\n";
  }

  private static final java.util.Map<DocumentDecision, String> DECISIONS = java.util.Map.of(
      DocumentDecision.UNDECIDED, "Not decided yet",
      DocumentDecision.RELEASE_IN_FULL, "Release in full",
      DocumentDecision.RELEASE_REDACTED, "Release redacted",
      DocumentDecision.WITHHOLD, "Withhold in full");

  /** The summary of a case's decisions, Markdown. */
  String of(CaseFile file) {
    CaseDecisions decisions = new CaseDecisions(file);
    List<String> lines = new ArrayList<>();
    lines.add("### What was decided");
    fact(lines, "Outcome", decisions.label(CaseDecisions.OUTCOMES, OUTCOME));
    decisions.assessment().forEach(fact -> fact(lines, fact.label(), fact.value()));
    fact(lines, "Assessed by", String.join(", ", file.codes(ASSESSED_BY).stream().map(this::nameOf).toList()));
    for (CaseDecisions.Exemption exemption : decisions.exemptions()) {
      lines.add("");
      lines.add("#### " + words(exemption.citation() + (exemption.title() != null ? ": " + exemption.title() : "")));
      exemption.subsections().forEach(subsection -> fact(lines, "Relied on", subsection));
      exemption.harmTest().stream().filter(fact -> fact.label().equals("Likelihood") || fact.label().equals("Conclusion"))
          .forEach(fact -> fact(lines, "Harm test: " + fact.label().toLowerCase(), fact.value()));
      exemption.publicInterestTest().stream().filter(fact -> fact.label().equals("Balance"))
          .forEach(fact -> fact(lines, "Public interest test", fact.value()));
    }
    return String.join("\n", lines) + "\n";
  }

  private static void fact(List<String> lines, String label, String value) {
    if (value != null && !value.isBlank()) {
      lines.add("- **" + label + ":** " + words(value));
    }
  }

  /** An officer's words on one line of a list, read as words, not markup. */
  private static String words(String text) {
    return MARKUP.matcher(text.replaceAll("\\s+", " ").strip()).replaceAll("\\\\$1");
  }

  private String nameOf(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    String name = user == null ? "" : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name + " (" + userId + ")";
  }
}
