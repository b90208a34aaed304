package org.foiflow.scotland;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Scottish authority's refusals through the real engine: the assessment offers the FOISA or EISR rows of the
 * catalogue only and refuses the UK's, the harm test and the public interest test run for the exemption relied on,
 * and the drafted refusal gives the Scottish reasons (substantial prejudice, FOISA's sections).
 */
@ScottishAuthority
class ScottishExemptionsTest {

  private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 2);

  @Autowired
  ProcessEngine engine;

  private FoiCase atAssessment(String regime, String requester) {
    return FoiCase.logged(engine, FoiCase.aRequest(requester, RECEIVED).putValue("regime", regime))
        .triagedAs(Map.of("regime", regime)).located();
  }

  /** The option values the assessment checklist offers (offeredExemptions, as the form's valuesKey reads it). */
  private List<String> offered(FoiCase foi) {
    Object value = engine.getTaskService().getVariable(foi.task("AssessExemptions").getId(), "offeredExemptions");
    List<String> codes = new ArrayList<>();
    ((SpinJsonNode) value).elements().forEach(option -> codes.add(option.prop("value").stringValue()));
    return codes;
  }

  @Test
  void refusedUnderFoisaSection30AfterSubstantialPrejudiceAndPublicInterestTest() {
    FoiCase foi = atAssessment("FOISA", "Morag Section Thirty");

    assertThat(offered(foi)).contains("foisa-s25", "foisa-s30", "foisa-s35", "foisa-s38-1-b")
        .allMatch(code -> code.startsWith("foisa-s"));
    Map<String, String> problems = foi.refusedAt("AssessExemptions", Map.of(
        "disclosureScope", "WITHHOLD", "exemptions", List.of("s31"),
        "assessmentNotes", "The advice was given to the leader in confidence."));
    assertThat(problems.get("exemptions"))
        .contains("Freedom of Information (Scotland) Act request", "Section 31 of the Freedom of Information Act");

    assertThat(foi.refusedAt("AssessExemptions", Map.of("disclosureScope", "WITHHOLD",
        "exemptions", List.of("foisa-s30"), "exemptionSubsections", List.of("s36-2-b-i"),
        "assessmentNotes", "The advice was given to the leader in confidence.")).get("exemptionSubsections"))
        .contains("Section 36(2)(b)(i) of the Freedom of Information Act");

    foi.complete("AssessExemptions", FoiCase.OFFICER, Variables.createVariables()
        .putValue("disclosureScope", "WITHHOLD")
        .putValue("exemptions", List.of("foisa-s30"))
        .putValue("exemptionSubsections", List.of("foisa-s30-b-i"))
        .putValue("assessmentNotes", "The advice sets out options for the library that are still being weighed."));
    assertThat(foi.task("HarmTest").getName()).isNotBlank();
    foi.harmShown("WOULD_BE_LIKELY").publicInterestBalanced("WITHHOLD");

    assertThat(((Map<?, ?>) foi.variable("harmTests")).containsKey("foisa-s30")).as("harmTests").isTrue();
    assertThat(((Map<?, ?>) foi.variable("publicInterestTests")).containsKey("foisa-s30")).as("publicInterestTests").isTrue();
    assertThat(String.valueOf(foi.variable("draftLetterText")))
        .containsIgnoringCase("section 30(b)(i)")
        .contains("substantial prejudice")
        .contains("would be likely to inhibit substantially the free and frank provision of advice")
        .contains("section 2(1)(b) of FOISA");
  }

  @Test
  void refusedUnderEisrRegulation10_5_bAfterSubstantialPrejudiceAndPublicInterestTest() {
    FoiCase foi = atAssessment("EISR", "Callum Quarry");

    assertThat(offered(foi)).contains("eisr-10-4-b", "eisr-10-5-b", "eisr-11").allMatch(code -> code.startsWith("eisr-"));
    assertThat(foi.refusedAt("AssessExemptions", Map.of("disclosureScope", "WITHHOLD",
        "exemptions", List.of("eir-12-5-b"), "assessmentNotes", "The appeal is before the sheriff.")).get("exemptions"))
        .contains("Environmental Information (Scotland) Regulations request", "Regulation 12(5)(b) of the EIR");

    foi.assessed("WITHHOLD", "eisr-10-5-b").harmShown("WOULD").publicInterestBalanced("WITHHOLD");

    assertThat(((Map<?, ?>) foi.variable("harmTests")).containsKey("eisr-10-5-b")).as("harmTests").isTrue();
    assertThat(String.valueOf(foi.variable("draftLetterText")))
        .contains("Regulation 10(5)(b) – The course of justice and inquiries")
        .contains("would prejudice substantially the course of justice")
        .contains("presumption in favour of disclosure")
        .doesNotContain("adversely affect");
  }
}
