package org.foiflow.casepage;

import static org.foiflow.casefile.CaseVariable.APPROVAL_COMMENTS;
import static org.foiflow.casefile.CaseVariable.APPROVAL_DECISION;
import static org.foiflow.casefile.CaseVariable.ASSESSMENT_NOTES;
import static org.foiflow.casefile.CaseVariable.CLARIFICATION_NEEDED;
import static org.foiflow.casefile.CaseVariable.CLARIFICATION_QUESTION;
import static org.foiflow.casefile.CaseVariable.CLOSED_ON;
import static org.foiflow.casefile.CaseVariable.COST_LIMIT_POUNDS;
import static org.foiflow.casefile.CaseVariable.DISCLOSURE_SCOPE;
import static org.foiflow.casefile.CaseVariable.ESTIMATED_HOURS;
import static org.foiflow.casefile.CaseVariable.EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.EXEMPTION_SUBSECTIONS;
import static org.foiflow.casefile.CaseVariable.FEES_PAYABLE;
import static org.foiflow.casefile.CaseVariable.FEE_DETAILS;
import static org.foiflow.casefile.CaseVariable.FEE_POUNDS;
import static org.foiflow.casefile.CaseVariable.HARM_TESTS;
import static org.foiflow.casefile.CaseVariable.INFORMATION_HELD;
import static org.foiflow.casefile.CaseVariable.INFORMATION_LOCATION;
import static org.foiflow.casefile.CaseVariable.INFORMATION_SUMMARY;
import static org.foiflow.casefile.CaseVariable.OUTCOME;
import static org.foiflow.casefile.CaseVariable.PUBLIC_INTEREST_TESTS;
import static org.foiflow.casefile.CaseVariable.QP_OPINION_DATE;
import static org.foiflow.casefile.CaseVariable.QP_OPINION_REASONABLE;
import static org.foiflow.casefile.CaseVariable.QP_OPINION_SUMMARY;
import static org.foiflow.casefile.CaseVariable.QUALIFIED_PERSON;
import static org.foiflow.casefile.CaseVariable.RESPONDED_ON;
import static org.foiflow.casefile.CaseVariable.RESPONSE_CHANNEL;
import static org.foiflow.casefile.CaseVariable.RETRIEVAL_HOURS;
import static org.foiflow.casefile.CaseVariable.RETURN_TO;
import static org.foiflow.casefile.CaseVariable.SUBJECT_ACCESS_REQUEST;
import static org.foiflow.casefile.CaseVariable.TRIAGE_NOTES;
import static org.foiflow.casefile.CaseVariable.TRIAGE_ROUTE;
import static org.foiflow.casefile.CaseVariable.VALID_REQUEST;
import static org.foiflow.casefile.CaseVariable.VEXATIOUS;
import static org.foiflow.casefile.CaseVariable.VEXATIOUS_REASON;
import static org.foiflow.casefile.CaseVariable.WITHHELD_DESCRIPTION;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.spin.json.SpinJsonNode;
import org.foiflow.assessment.CatalogueTitles;
import org.foiflow.assessment.ExemptionCitation;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.ProcessVariable;

/**
 * Every decision recorded on a case, in the words of the forms that recorded it (forms/*.form), so a reader sees
 * "Would be likely to prejudice" rather than WOULD_BE_LIKELY. A question nobody answered is left out.
 */
final class CaseDecisions {

  /**
   * An exemption engaged, with the harm test and public interest test recorded for it (each may be empty) and the
   * subsections relied on ("Section 31(1)(a): the prevention or detection of crime"), if the assessment chose any.
   */
  record Exemption(String citation, String title, List<Fact> harmTest, List<Fact> publicInterestTest,
                   List<String> subsections) {
  }

  static final Map<String, String> ROUTES = Map.of("REDIRECT_SAR", "Redirect as a subject access request",
      "CLARIFY", "Ask the requester to clarify (s.1(3))", "REFUSE_S14", "Refuse as vexatious or repeated (s.14)",
      "NOT_HELD", "Information not held", "REFUSE_S12", "Refuse: over the cost limit (s.12)",
      "FEES_NOTICE", "Send a fees notice (s.9)", "LOCATE", "Locate the information");
  static final Map<String, String> SCOPES = Map.of("FULL", "Disclose in full", "PART", "Disclose in part",
      "WITHHOLD", "Withhold in full", "NCND", "Neither confirm nor deny that it is held");
  static final Map<String, String> LIKELIHOODS = Map.of("WOULD", "Would prejudice (more probable than not)",
      "WOULD_BE_LIKELY", "Would be likely to prejudice (a real and significant risk)");
  static final Map<String, String> HARM_CONCLUSIONS = Map.of("SHOWN", "Harm is shown: the exemption is engaged",
      "NOT_SHOWN", "No real harm: the exemption is not engaged");
  static final Map<String, String> BALANCES = Map.of(
      "WITHHOLD", "The public interest in maintaining the exemption outweighs disclosure",
      "DISCLOSE", "The public interest favours disclosure");
  static final Map<String, String> APPROVALS = Map.of("APPROVE", "Approved and issued", "RETURN", "Returned with comments");
  static final Map<String, String> RETURNS = Map.of("DRAFT", "The officer, to revise the letter",
      "ASSESSMENT", "Exemption assessment", "TRIAGE", "Triage");
  static final Map<String, String> OUTCOMES = Map.ofEntries(Map.entry("GRANTED_IN_FULL", "Granted in full"),
      Map.entry("GRANTED_IN_PART", "Granted in part"), Map.entry("WITHHELD_IN_FULL", "Withheld in full"),
      Map.entry("NOT_HELD", "Information not held"), Map.entry("NCND", "Neither confirmed nor denied"),
      Map.entry("REFUSED_S12", "Refused: over the cost limit (s.12)"),
      Map.entry("REFUSED_S14", "Refused: vexatious or repeated (s.14)"), Map.entry("LAPSED", "Lapsed"),
      Map.entry("WITHDRAWN", "Withdrawn by the requester"),
      Map.entry("REDIRECTED_SAR", "Redirected as a subject access request"));
  static final Map<String, String> CHANNELS = Map.of("EMAIL", "Email", "WEB", "Web form", "POST", "Post");

  private final CaseFile file;

  CaseDecisions(CaseFile file) {
    this.file = file;
  }

  List<Fact> triage() {
    return new Fact.Facts()
        .add("Valid request under s.8", yesNo(VALID_REQUEST))
        .add("Really a subject access request", yesNo(SUBJECT_ACCESS_REQUEST))
        .add("Clarification needed (s.1(3))", yesNo(CLARIFICATION_NEEDED))
        .add("What we asked the requester", file.text(CLARIFICATION_QUESTION))
        .add("Vexatious or repeated (s.14)", yesNo(VEXATIOUS))
        .add("Why vexatious or repeated", file.text(VEXATIOUS_REASON))
        .add("Some information held", yesNo(INFORMATION_HELD))
        .add("Estimated hours (s.12)", file.text(ESTIMATED_HOURS))
        .add("Cost limit", pounds(COST_LIMIT_POUNDS))
        .add("Fee payable (s.9)", yesNo(FEES_PAYABLE))
        .add("Fee", pounds(FEE_POUNDS))
        .add("What the fee covers", file.text(FEE_DETAILS))
        .add("Notes", file.text(TRIAGE_NOTES))
        .add("Route", label(ROUTES, TRIAGE_ROUTE))
        .list();
  }

  List<Fact> located() {
    return new Fact.Facts()
        .add("What is held", file.text(INFORMATION_SUMMARY))
        .add("Where it is held", file.text(INFORMATION_LOCATION))
        .add("Hours spent locating and retrieving", file.text(RETRIEVAL_HOURS))
        .list();
  }

  List<Fact> assessment() {
    return new Fact.Facts()
        .add("Response", label(SCOPES, DISCLOSURE_SCOPE))
        .add("What is withheld", file.text(WITHHELD_DESCRIPTION))
        .add("Why the exemptions apply", file.text(ASSESSMENT_NOTES))
        .list();
  }

  /** The exemptions cited, and any assessed in a harm or public interest test since (a later assessment may drop one). */
  List<Exemption> exemptions() {
    Map<String, Object> harmTests = filed(HARM_TESTS);
    Map<String, Object> publicInterestTests = filed(PUBLIC_INTEREST_TESTS);
    Set<String> codes = new LinkedHashSet<>(file.codes(EXEMPTIONS));
    codes.addAll(harmTests.keySet());
    codes.addAll(publicInterestTests.keySet());
    List<Exemption> exemptions = new ArrayList<>();
    List<String> chosenSubsections = file.codes(EXEMPTION_SUBSECTIONS);
    for (String code : codes) {
      List<String> subsections = CatalogueTitles.subsections().entrySet().stream()
          .filter(row -> chosenSubsections.stream().anyMatch(row.getKey()::equalsIgnoreCase))
          .map(Map.Entry::getValue).filter(row -> row.exemption().equalsIgnoreCase(code))
          .map(row -> row.section() + ": " + row.interest()).toList();
      Map<String, Object> harm = answers(harmTests.get(code));
      Map<String, Object> publicInterest = answers(publicInterestTests.get(code));
      exemptions.add(new Exemption(ExemptionCitation.of(code), CatalogueTitles.titleOf(code),
          new Fact.Facts()
              .add("The harm", text(harm.get("harm")))
              .add("How disclosure would cause it", text(harm.get("causalLink")))
              .add("Likelihood", label(LIKELIHOODS, harm.get("likelihood")))
              .add("Conclusion", label(HARM_CONCLUSIONS, harm.get("harmConclusion")))
              .list(),
          new Fact.Facts()
              .add("Factors favouring disclosure", text(publicInterest.get("factorsFor")))
              .add("Factors favouring non-disclosure", text(publicInterest.get("factorsAgainst")))
              .add("Balance", label(BALANCES, publicInterest.get("balance")))
              .add("How the factors were weighed", text(publicInterest.get("conclusion")))
              .list(),
          subsections));
    }
    return exemptions;
  }

  List<Fact> qualifiedPersonsOpinion() {
    return new Fact.Facts()
        .add("Qualified person", file.text(QUALIFIED_PERSON))
        .add("Date of the opinion", UkTimes.day(file.text(QP_OPINION_DATE)))
        .add("The opinion", file.text(QP_OPINION_SUMMARY))
        .add("Disclosure would, or would be likely to, prejudice public affairs", yesNo(QP_OPINION_REASONABLE))
        .list();
  }

  List<Fact> approval() {
    return new Fact.Facts()
        .add("Decision", label(APPROVALS, APPROVAL_DECISION))
        .add("Returned to", "RETURN".equals(file.text(APPROVAL_DECISION)) ? label(RETURNS, RETURN_TO) : null)
        // the variable keeps the last comments given, which may be an earlier return's; the timeline has each
        .add("Latest comments from an approver", file.text(APPROVAL_COMMENTS))
        .list();
  }

  /** The outcome, once the case is closed: it is decided before approval but is the case's outcome only then. */
  List<Fact> outcome() {
    if (file.text(CLOSED_ON) == null) {
      return List.of();
    }
    return new Fact.Facts()
        .add("Outcome", label(OUTCOMES, OUTCOME))
        .add("Response sent", UkTimes.day(file.text(RESPONDED_ON)))
        .add("Sent by", label(CHANNELS, RESPONSE_CHANNEL))
        .add("Closed", UkTimes.day(file.text(CLOSED_ON)))
        .list();
  }

  String label(Map<String, String> labels, ProcessVariable variable) {
    return label(labels, file.text(variable));
  }

  private String yesNo(ProcessVariable variable) {
    return file.value(variable) == null ? null : file.flag(variable) ? "Yes" : "No";
  }

  private String pounds(ProcessVariable variable) {
    String amount = file.text(variable);
    return amount == null ? null : "£" + amount;
  }

  static String label(Map<String, String> labels, Object code) {
    String text = text(code);
    return text == null ? null : labels.getOrDefault(text, text);
  }

  private static String text(Object value) {
    if (value instanceof SpinJsonNode json) {
      return json.isNull() ? null : json.isString() ? json.stringValue() : json.toString();
    }
    return value == null ? null : value.toString();
  }

  /** A map filed by a per-exemption record ({@code assessment.PerExemptionRecord}), by exemption code. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> filed(ProcessVariable variable) {
    return file.value(variable) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> answers(Object filed) {
    return filed instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
