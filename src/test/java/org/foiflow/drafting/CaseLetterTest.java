package org.foiflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.foiflow.drafting.CaseLetter.Exemption;
import org.junit.jupiter.api.Test;

/** CaseLetter.from reads the process variables whatever shape the engine gives them. */
class CaseLetterTest {

  @Test
  void readsTheContractVariables() {
    CaseLetter letter = CaseLetter.from(LetterCases.section31Refusal());
    assertThat(letter.reference()).isEqualTo("FOI-2026-00042");
    assertThat(letter.requesterName()).isEqualTo("Sam Citizen");
    assertThat(letter.receivedOn()).isEqualTo(LocalDate.of(2026, 10, 28));
    assertThat(letter.dueOn()).isEqualTo(LocalDate.of(2026, 11, 25));
    assertThat(letter.regime()).isEqualTo("FOIA");
    assertThat(letter.eir()).isFalse();
    assertThat(letter.disclosureScope()).isEqualTo("WITHHOLD");
    assertThat(letter.engagedExemptions()).containsExactly(
        new Exemption("s31", "Section 31", "Law enforcement", false, true, true));
    assertThat(letter.harmTests().get("s31").likelihood()).isEqualTo("WOULD_BE_LIKELY");
    assertThat(letter.harmTests().get("s31").harmShown()).isTrue();
    assertThat(letter.publicInterestTests().get("s31").balance()).isEqualTo("WITHHOLD");
  }

  @Test
  void readsJsonStringsAndSpinNodes() {
    CaseLetter letter = CaseLetter.from(LetterCases.partialDisclosure());
    assertThat(letter.engagedExemptions()).extracting(Exemption::code).containsExactly("s40-2", "s43-2", "s36");
    assertThat(letter.engagedExemptions().get(0).absolute()).isTrue();
    assertThat(letter.engagedExemptions().get(1).prejudiceBased()).isTrue();
    assertThat(letter.harmTests().get("s43-2").likelihood()).isEqualTo("WOULD");
    assertThat(letter.publicInterestTests().get("s43-2").factorsFor())
        .isEqualTo("Value for money in a contract worth £2.4 million a year.\nScrutiny of how the contract was awarded.");
    assertThat(letter.qualifiedPersonOpinion().qualifiedPerson()).isEqualTo("Chris Doyle, Monitoring Officer");
    assertThat(letter.qualifiedPersonOpinion().opinionDate()).isEqualTo(LocalDate.of(2026, 11, 10));
    assertThat(letter.qualifiedPersonOpinion().reasonable()).isTrue();

    CaseLetter ncnd = CaseLetter.from(LetterCases.ncnd());
    assertThat(ncnd.engagedExemptions()).extracting(Exemption::code).containsExactly("s31", "s40-2");
    assertThat(ncnd.ncnd()).isTrue();
    assertThat(ncnd.harmTests().get("s31").causalLink()).startsWith("A trader who knows");
  }

  @Test
  void readsNumbersOfAnyType() {
    Map<String, Object> v = new HashMap<>();
    v.put("estimatedHours", 40.5d);
    v.put("hourlyRatePounds", 25);
    v.put("costLimitPounds", "600");
    CaseLetter letter = CaseLetter.from(v);
    assertThat(letter.estimatedCost()).isEqualByComparingTo("1012.5");
    assertThat(letter.limitHours()).isEqualByComparingTo("24");
    assertThat(letter.costOverLimit()).isEqualByComparingTo("412.5");

    v.put("estimatedHours", Spin.JSON("30"));
    v.put("hourlyRatePounds", 25L);
    v.put("costLimitPounds", BigDecimal.valueOf(450));
    assertThat(CaseLetter.from(v).estimatedCost()).isEqualByComparingTo("750");

    CaseLetter defaults = CaseLetter.from(Map.of("estimatedHours", 20));
    assertThat(defaults.effectiveHourlyRate()).isEqualByComparingTo("25");
    assertThat(defaults.effectiveCostLimit()).isEqualByComparingTo("450");
  }

  @Test
  void readsDatesOfAnyShape() {
    Map<String, Object> v = new HashMap<>();
    v.put("receivedOn", "2026-11-02T09:15:00");
    v.put("dueOn", LocalDate.of(2026, 11, 30));
    v.put("extendedDueOn", Date.from(LocalDate.of(2026, 12, 30).atStartOfDay(ZoneId.of("Europe/London")).toInstant()));
    v.put("qpOpinionDate", Spin.JSON("\"2026-11-10\""));
    v.put("clarificationReceivedOn", "not a date");
    CaseLetter letter = CaseLetter.from(v);
    assertThat(letter.receivedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(letter.dueOn()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(letter.extendedDueOn()).isEqualTo(LocalDate.of(2026, 12, 30));
    assertThat(letter.qualifiedPersonOpinion().opinionDate()).isEqualTo(LocalDate.of(2026, 11, 10));
    assertThat(letter.clarificationReceivedOn()).isNull();
  }

  @Test
  void theDueDateBeforeAnExtension() {
    assertThat(CaseLetter.from(LetterCases.extension()).dueBeforeExtension()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(CaseLetter.from(Map.of("dueOn", "2026-11-30", "extendedDueOn", "2026-12-30")).dueBeforeExtension())
        .isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(CaseLetter.from(Map.of("dueOn", "2026-12-30", "extendedDueOn", "2026-12-30")).dueBeforeExtension())
        .isNull();
  }

  @Test
  void datesPrintInBritishStyle() {
    LetterFormats fmt = LetterFormats.INSTANCE;
    assertThat(fmt.date(LocalDate.of(2026, 11, 25))).isEqualTo("25 November 2026");
    assertThat(fmt.date(LocalDate.of(2027, 1, 4))).isEqualTo("4 January 2027");
    assertThat(fmt.money(new BigDecimal("1012.5"))).isEqualTo("£1,012.50");
    assertThat(fmt.money(BigDecimal.valueOf(450))).isEqualTo("£450");
    assertThat(fmt.hours(new BigDecimal("40.50"))).isEqualTo("40.5 hours");
    assertThat(fmt.hours(BigDecimal.ONE)).isEqualTo("1 hour");
  }

  @Test
  void missingValuesAreNullNotTheWordNull() {
    Map<String, Object> v = new HashMap<>();
    v.put("requesterEmail", null);
    v.put("requesterAddress", "  ");
    v.put("subject", Spin.JSON("null"));
    v.put("withheldDescription", "null");
    CaseLetter letter = CaseLetter.from(v);
    assertThat(letter.requesterEmail()).isNull();
    assertThat(letter.requesterAddress()).isNull();
    assertThat(letter.subject()).isNull();
    assertThat(letter.withheldDescription()).isNull();
    assertThat(letter.engagedExemptions()).isEmpty();
    assertThat(letter.harmTests()).isEmpty();
    assertThat(letter.qualifiedPersonOpinion()).isNull();
    assertThat(letter.regime()).isEqualTo("FOIA");
    assertThat(CaseLetter.from(null).reference()).isNull();
  }

  @Test
  void exemptionCodesAloneGiveSectionsAndTitles() {
    CaseLetter letter = CaseLetter.from(Map.of("exemptions", "[\"s43-2\",\"eir-12-5-b\",\"s22A\"]"));
    assertThat(letter.engagedExemptions()).extracting(Exemption::section)
        .containsExactly("Section 43(2)", "Regulation 12(5)(b)", "Section 22A");
    assertThat(letter.engagedExemptions()).extracting(Exemption::title)
        .containsExactly("Prejudice to commercial interests", "The course of justice and inquiries", "Research information");
    assertThat(letter.eir()).as("an EIR exception makes it an EIR letter").isTrue();
    assertThat(CaseLetter.from(Map.of("exemptions", List.of("s31"))).engagedExemptions()).hasSize(1);
  }

  @Test
  void caseDataIsImmutable() {
    Map<String, Object> v = LetterCases.section31Refusal();
    CaseLetter letter = CaseLetter.from(v);
    ((List<?>) v.get("engagedExemptions")).clear();
    assertThat(letter.engagedExemptions()).hasSize(1);
    org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
        () -> letter.harmTests().clear());
  }

  @Test
  void subsectionsAreReadFromTheTableAndKeptToTheirOwnEngagedExemption() {
    Map<String, Object> v = LetterCases.section31PartialDisclosure();
    // unknown codes, a subsection of an exemption not engaged, a repeat and the wrong case are all handled
    v.put("exemptionSubsections", Spin.JSON("[\"S31-1-B\",\"s31-1-a\",\"s31-9-z\",\"s38-1-b\",\"s31-1-a\"]"));
    Exemption s31 = CaseLetter.from(v).engagedExemptions().get(0);
    assertThat(s31.subsections()).extracting(sub -> sub.section())
        .containsExactly("Section 31(1)(a)", "Section 31(1)(b)");
    assertThat(ExemptionReasons.citation(s31)).isEqualTo("Sections 31(1)(a) and 31(1)(b)");

    v.remove("exemptionSubsections");
    Exemption plain = CaseLetter.from(v).engagedExemptions().get(0);
    assertThat(plain.subsections()).isEmpty();
    assertThat(ExemptionReasons.citation(plain)).isEqualTo("Section 31");
  }
}
