package org.foiflow.drafting;

import static org.foiflow.casefile.CaseVariable.AGGREGATED_HOURS;
import static org.foiflow.casefile.CaseVariable.AGGREGATED_REQUESTS;
import static org.foiflow.casefile.CaseVariable.ASSESSMENT_NOTES;
import static org.foiflow.casefile.CaseVariable.CLARIFICATION_QUESTION;
import static org.foiflow.casefile.CaseVariable.CLARIFICATION_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.CLARIFIED_REQUEST;
import static org.foiflow.casefile.CaseVariable.CONSULTATIONS;
import static org.foiflow.casefile.CaseVariable.COST_LIMIT_POUNDS;
import static org.foiflow.casefile.CaseVariable.DISCLOSURE_SCOPE;
import static org.foiflow.casefile.CaseVariable.DUE_ON;
import static org.foiflow.casefile.CaseVariable.ENGAGED_EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.ESTIMATED_HOURS;
import static org.foiflow.casefile.CaseVariable.EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.EXEMPTION_SUBSECTIONS;
import static org.foiflow.casefile.CaseVariable.EXTENDED_DUE_ON;
import static org.foiflow.casefile.CaseVariable.EXTENSION_REASON;
import static org.foiflow.casefile.CaseVariable.FEE_DETAILS;
import static org.foiflow.casefile.CaseVariable.FEE_POUNDS;
import static org.foiflow.casefile.CaseVariable.HARM_TESTS;
import static org.foiflow.casefile.CaseVariable.HOURLY_RATE_POUNDS;
import static org.foiflow.casefile.CaseVariable.INFORMATION_SUMMARY;
import static org.foiflow.casefile.CaseVariable.LANGUAGE;
import static org.foiflow.casefile.CaseVariable.ORIGINAL_DUE_ON;
import static org.foiflow.casefile.CaseVariable.PUBLIC_INTEREST_TESTS;
import static org.foiflow.casefile.CaseVariable.QP_OPINION_DATE;
import static org.foiflow.casefile.CaseVariable.QP_OPINION_REASONABLE;
import static org.foiflow.casefile.CaseVariable.QP_OPINION_SUMMARY;
import static org.foiflow.casefile.CaseVariable.QUALIFIED_PERSON;
import static org.foiflow.casefile.CaseVariable.RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.REFERENCE;
import static org.foiflow.casefile.CaseVariable.REGIME;
import static org.foiflow.casefile.CaseVariable.REPEATED_REQUEST;
import static org.foiflow.casefile.CaseVariable.REPEAT_OF;
import static org.foiflow.casefile.CaseVariable.REPEAT_OF_ANSWERED_ON;
import static org.foiflow.casefile.CaseVariable.REPEAT_OF_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.REQUESTER_ADDRESS;
import static org.foiflow.casefile.CaseVariable.REQUESTER_EMAIL;
import static org.foiflow.casefile.CaseVariable.REQUESTER_NAME;
import static org.foiflow.casefile.CaseVariable.REQUEST_TEXT;
import static org.foiflow.casefile.CaseVariable.SUBJECT;
import static org.foiflow.casefile.CaseVariable.VEXATIOUS_REASON;
import static org.foiflow.casefile.CaseVariable.WITHHELD_DESCRIPTION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.foiflow.assessment.CatalogueTitles.Subsection;
import org.foiflow.assessment.CatalogueTitles;
import org.foiflow.assessment.ExemptionCitation;
import org.foiflow.casefile.CostLimit;
import org.foiflow.casefile.Language;
import org.foiflow.casefile.Regime;

/**
 * What a letter needs to know about a case, read from the process variables as docs/process-variables.md
 * names them. Built with {@link #from(Map)}; values that are missing are null (or empty collections), never
 * the text "null".
 */
public record CaseLetter(
    String reference,
    String requesterName,
    String requesterEmail,
    String requesterAddress,
    LocalDate receivedOn,
    LocalDate dueOn,
    String subject,
    String requestText,
    String clarifiedRequest,
    LocalDate clarificationReceivedOn,
    String regime,
    BigDecimal estimatedHours,
    BigDecimal hourlyRatePounds,
    BigDecimal costLimitPounds,
    boolean repeatedRequest,
    String vexatiousReason,
    String clarificationQuestion,
    String disclosureScope,
    String informationSummary,
    String withheldDescription,
    String assessmentNotes,
    List<Exemption> engagedExemptions,
    Map<String, HarmTest> harmTests,
    Map<String, PublicInterestTest> publicInterestTests,
    QualifiedPersonOpinion qualifiedPersonOpinion,
    LocalDate extendedDueOn,
    LocalDate originalDueOn,
    String extensionReason,
    BigDecimal feePounds,
    String feeDetails,
    List<Consultation> consultations,
    List<AggregatedRequest> aggregatedRequests,
    BigDecimal aggregatedHours,
    String repeatOf,
    LocalDate repeatOfReceivedOn,
    LocalDate repeatOfAnsweredOn,
    String language) {

  public static final String FOIA = "FOIA";
  public static final String EIR = "EIR";

  /** The default rate and limit of the Fees Regulations 2004 when the case does not carry its own. */
  static final BigDecimal DEFAULT_HOURLY_RATE = new BigDecimal(CostLimit.DEFAULT_HOURLY_RATE_POUNDS);
  static final BigDecimal DEFAULT_COST_LIMIT = new BigDecimal(CostLimit.DEFAULT_LIMIT_POUNDS);

  public CaseLetter {
    engagedExemptions = engagedExemptions == null ? List.of() : List.copyOf(engagedExemptions);
    harmTests = harmTests == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(harmTests));
    publicInterestTests = publicInterestTests == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(publicInterestTests));
    regime = regime == null ? FOIA : regime.trim().toUpperCase(Locale.ROOT);
    language = Language.of(language).code();
    consultations = consultations == null ? List.of() : List.copyOf(consultations);
    aggregatedRequests = aggregatedRequests == null ? List.of() : List.copyOf(aggregatedRequests);
  }

  /**
   * A request aggregated with this one for the cost limit (Fees Regulations 2004 reg 5), as the s.12 letter names
   * it; estimatedHours is null when it was not estimated.
   */
  public record AggregatedRequest(String reference, String subject, LocalDate receivedOn, BigDecimal estimatedHours) {
  }

  /**
   * A third party consulted about the information (s.45 Code of Practice), as a response letter may say it: the
   * interest (S43, S41, PERSONAL_DATA) and the view (OBJECTS, CONSENTS, NO_REPLY), never who they are.
   */
  public record Consultation(String interest, String view) {
  }

  /**
   * One exemption (FOIA) or exception (EIR) engaged, with its facts from the DMN exemption-catalogue and the
   * subsections relied on (DMN exemption-subsections), in the table's order.
   */
  public record Exemption(String code, String section, String title, boolean absolute, boolean prejudiceBased,
                          boolean ncndAvailable, List<Subsection> subsections) {

    public Exemption {
      subsections = subsections == null ? List.of() : List.copyOf(subsections);
    }

    public Exemption(String code, String section, String title, boolean absolute, boolean prejudiceBased,
                     boolean ncndAvailable) {
      this(code, section, title, absolute, prejudiceBased, ncndAvailable, List.of());
    }

    /** EIR exceptions carry codes "eir-…", EISR ones "eisr-…"; FOIA exemptions "s…", FOISA ones "foisa-s…". */
    public boolean eir() {
      return code != null && (code.toLowerCase(Locale.ROOT).startsWith("eir-")
          || code.toLowerCase(Locale.ROOT).startsWith("eisr-"));
    }
  }

  /** The officer's harm (prejudice) test for one exemption. likelihood is WOULD or WOULD_BE_LIKELY. */
  public record HarmTest(String harm, String causalLink, String likelihood, Boolean harmShown) {
  }

  /** The officer's public interest test for one exemption. balance is WITHHOLD or DISCLOSE. */
  public record PublicInterestTest(String factorsFor, String factorsAgainst, String balance, String conclusion) {
  }

  /** The s.36 qualified person's opinion. */
  public record QualifiedPersonOpinion(String qualifiedPerson, LocalDate opinionDate, String summary,
                                       Boolean reasonable) {
  }

  /** Reads the case from its process variables (e.g. {@code execution.getVariables()}). */
  public static CaseLetter from(Map<String, ?> variables) {
    Map<String, ?> v = variables == null ? Map.of() : variables;
    String regime = Values.text(v.get(REGIME.key()));
    List<Exemption> exemptions = withSubsections(exemptions(v.get(ENGAGED_EXEMPTIONS.key()), v.get(EXEMPTIONS.key())),
        v.get(EXEMPTION_SUBSECTIONS.key()));
    return new CaseLetter(
        Values.text(v.get(REFERENCE.key())),
        Values.text(v.get(REQUESTER_NAME.key())),
        Values.text(v.get(REQUESTER_EMAIL.key())),
        Values.text(v.get(REQUESTER_ADDRESS.key())),
        Values.date(v.get(RECEIVED_ON.key())),
        Values.date(v.get(DUE_ON.key())),
        Values.text(v.get(SUBJECT.key())),
        Values.text(v.get(REQUEST_TEXT.key())),
        Values.text(v.get(CLARIFIED_REQUEST.key())),
        Values.date(v.get(CLARIFICATION_RECEIVED_ON.key())),
        regime,
        Values.number(v.get(ESTIMATED_HOURS.key())),
        Values.number(v.get(HOURLY_RATE_POUNDS.key())),
        Values.number(v.get(COST_LIMIT_POUNDS.key())),
        Values.isTrue(v.get(REPEATED_REQUEST.key())),
        Values.text(v.get(VEXATIOUS_REASON.key())),
        Values.text(v.get(CLARIFICATION_QUESTION.key())),
        upper(Values.text(v.get(DISCLOSURE_SCOPE.key()))),
        Values.text(v.get(INFORMATION_SUMMARY.key())),
        Values.text(v.get(WITHHELD_DESCRIPTION.key())),
        Values.text(v.get(ASSESSMENT_NOTES.key())),
        exemptions,
        harmTests(v.get(HARM_TESTS.key())),
        publicInterestTests(v.get(PUBLIC_INTEREST_TESTS.key())),
        qualifiedPersonOpinion(v),
        Values.date(v.get(EXTENDED_DUE_ON.key())),
        Values.date(v.get(ORIGINAL_DUE_ON.key())),
        Values.text(v.get(EXTENSION_REASON.key())),
        Values.number(v.get(FEE_POUNDS.key())),
        Values.text(v.get(FEE_DETAILS.key())),
        consultations(v.get(CONSULTATIONS.key())),
        aggregatedRequests(v.get(AGGREGATED_REQUESTS.key())),
        Values.number(v.get(AGGREGATED_HOURS.key())),
        Values.text(v.get(REPEAT_OF.key())),
        Values.date(v.get(REPEAT_OF_RECEIVED_ON.key())),
        Values.date(v.get(REPEAT_OF_ANSWERED_ON.key())),
        Values.text(v.get(LANGUAGE.key())));
  }

  /**
   * True when environmental information regulations apply, the EIR or in Scotland the EISR (so: exceptions, the
   * review under reg 11 / reg 16, the presumption in favour of disclosure).
   */
  public boolean eir() {
    return law().environmental() || engagedExemptions.stream().anyMatch(Exemption::eir);
  }

  /** The regime the case is answered under (FOIA for an unknown one, as for cases logged before regimes). */
  public Regime law() {
    Regime named = Regime.parse(regime);
    return named != null ? named : Regime.FOIA;
  }

  /** The case is answered under Scottish law (FOISA or the EISR): its letters are the Scottish edition. */
  public boolean scottish() {
    return law().scottish();
  }

  /** The requester corresponds in Welsh: their letters are in Welsh, or bilingual (Welsh first). */
  public boolean welsh() {
    return Language.CY.code().equals(language);
  }

  /** The response neither confirms nor denies that the information is held. */
  public boolean ncnd() {
    return "NCND".equals(disclosureScope);
  }

  /** The request as we must answer it: the clarified wording when the requester clarified it (s.1(3)). */
  public String requestToAnswer() {
    return clarifiedRequest != null ? clarifiedRequest : requestText;
  }

  /**
   * The response date before an extension: the clock keeps it as originalDueOn and moves dueOn to the
   * extended date; null when it cannot be told apart from the extended date.
   */
  public LocalDate dueBeforeExtension() {
    LocalDate before = originalDueOn != null ? originalDueOn : dueOn;
    return before == null || before.equals(extendedDueOn) ? null : before;
  }

  public BigDecimal effectiveHourlyRate() {
    return hourlyRatePounds != null ? hourlyRatePounds : DEFAULT_HOURLY_RATE;
  }

  public BigDecimal effectiveCostLimit() {
    return costLimitPounds != null ? costLimitPounds : DEFAULT_COST_LIMIT;
  }

  /** The estimated cost of compliance: hours × hourly rate (Fees Regulations 2004, reg 4(4)). */
  public BigDecimal estimatedCost() {
    return estimatedHours == null ? null : estimatedHours.multiply(effectiveHourlyRate());
  }

  /** The limit in hours of work: £450 at £25 an hour is 18 hours. */
  public BigDecimal limitHours() {
    return effectiveCostLimit().divide(effectiveHourlyRate(), 1, java.math.RoundingMode.HALF_UP);
  }

  /** True when other requests were aggregated with this one for the cost limit (reg 5). */
  public boolean aggregated() {
    return !aggregatedRequests.isEmpty();
  }

  /** This request's estimate and those of the requests aggregated with it, added up (reg 5). */
  public BigDecimal combinedHours() {
    if (estimatedHours == null) {
      return null;
    }
    return aggregated() && aggregatedHours != null ? estimatedHours.add(aggregatedHours) : estimatedHours;
  }

  /** The estimated cost of the aggregated requests together; this request's cost when none was aggregated. */
  public BigDecimal combinedCost() {
    BigDecimal hours = combinedHours();
    return hours == null ? null : hours.multiply(effectiveHourlyRate());
  }

  /** By how much the estimate (of the aggregated requests together, if any) exceeds the limit. */
  public BigDecimal costOverLimit() {
    BigDecimal cost = combinedCost();
    return cost == null ? null : cost.subtract(effectiveCostLimit());
  }

  private static String upper(String text) {
    return text == null ? null : text.toUpperCase(Locale.ROOT);
  }

  private static List<Exemption> exemptions(Object engaged, Object codes) {
    List<Exemption> result = new ArrayList<>();
    for (Object item : Values.list(engaged)) {
      Map<String, Object> facts = Values.map(item);
      String code = Values.text(facts.get("code"));
      if (code == null && facts.isEmpty()) {
        continue;
      }
      result.add(new Exemption(code,
          firstNonNull(Values.text(facts.get("section")), ExemptionCitation.of(code)),
          firstNonNull(Values.text(facts.get("title")), titleOf(code)),
          Values.isTrue(facts.get("absolute")),
          Values.isTrue(facts.get("prejudiceBased")),
          Values.isTrue(facts.get("ncndAvailable"))));
    }
    if (result.isEmpty()) {
      // No catalogue facts yet (e.g. the extension notice before the assessment ends): the codes still name them.
      for (Object code : Values.list(codes)) {
        String text = Values.text(code);
        if (text != null) {
          result.add(new Exemption(text, ExemptionCitation.of(text), titleOf(text), false, false, false));
        }
      }
    }
    return result;
  }

  /**
   * Each exemption with the subsections of it the assessment chose (codes the DMN exemption-subsections table
   * knows; others, and subsections of exemptions not engaged, are left out).
   */
  private static List<Exemption> withSubsections(List<Exemption> exemptions, Object codes) {
    List<Subsection> chosen = new ArrayList<>();
    for (Object code : Values.list(codes)) {
      Subsection subsection = CatalogueTitles.subsectionOf(Values.text(code));
      if (subsection != null && !chosen.contains(subsection)) {
        chosen.add(subsection);
      }
    }
    if (chosen.isEmpty()) {
      return exemptions;
    }
    List<Subsection> inTableOrder = CatalogueTitles.subsections().values().stream().filter(chosen::contains).toList();
    List<Exemption> result = new ArrayList<>();
    for (Exemption e : exemptions) {
      List<Subsection> own = inTableOrder.stream()
          .filter(subsection -> subsection.exemption().equalsIgnoreCase(String.valueOf(e.code()))).toList();
      result.add(new Exemption(e.code(), e.section(), e.title(), e.absolute(), e.prejudiceBased(), e.ncndAvailable(),
          own));
    }
    return result;
  }

  /** The title in the DMN exemption-catalogue, for letters written before the catalogue facts are on the case. */
  static String titleOf(String code) {
    return CatalogueTitles.titleOf(code);
  }

  private static Map<String, HarmTest> harmTests(Object value) {
    Map<String, HarmTest> tests = new LinkedHashMap<>();
    Values.map(value).forEach((code, item) -> {
      Map<String, Object> test = Values.map(item);
      tests.put(code, new HarmTest(
          Values.text(test.get("harm")),
          Values.text(test.get("causalLink")),
          upper(Values.text(test.get("likelihood"))),
          Values.flag(test.get("harmShown"))));
    });
    return tests;
  }

  private static Map<String, PublicInterestTest> publicInterestTests(Object value) {
    Map<String, PublicInterestTest> tests = new LinkedHashMap<>();
    Values.map(value).forEach((code, item) -> {
      Map<String, Object> test = Values.map(item);
      tests.put(code, new PublicInterestTest(
          Values.text(test.get("factorsFor")),
          Values.text(test.get("factorsAgainst")),
          upper(Values.text(test.get("balance"))),
          Values.text(test.get("conclusion"))));
    });
    return tests;
  }

  private static List<Consultation> consultations(Object value) {
    List<Consultation> consultations = new ArrayList<>();
    for (Object item : Values.list(value)) {
      Map<String, Object> consultation = Values.map(item);
      if (!consultation.isEmpty()) {
        consultations.add(new Consultation(upper(Values.text(consultation.get("interest"))),
            upper(Values.text(consultation.get("view")))));
      }
    }
    return consultations;
  }

  private static List<AggregatedRequest> aggregatedRequests(Object value) {
    List<AggregatedRequest> requests = new ArrayList<>();
    for (Object item : Values.list(value)) {
      Map<String, Object> request = Values.map(item);
      String reference = Values.text(request.get("reference"));
      if (reference != null) {
        requests.add(new AggregatedRequest(reference, Values.text(request.get("subject")),
            Values.date(request.get("receivedOn")), Values.number(request.get("estimatedHours"))));
      }
    }
    return requests;
  }

  private static QualifiedPersonOpinion qualifiedPersonOpinion(Map<String, ?> v) {
    String person = Values.text(v.get(QUALIFIED_PERSON.key()));
    String summary = Values.text(v.get(QP_OPINION_SUMMARY.key()));
    LocalDate date = Values.date(v.get(QP_OPINION_DATE.key()));
    if (person == null && summary == null && date == null) {
      return null;
    }
    return new QualifiedPersonOpinion(person, date, summary, Values.flag(v.get(QP_OPINION_REASONABLE.key())));
  }

  private static <T> T firstNonNull(T first, T second) {
    return first != null ? first : second;
  }
}
