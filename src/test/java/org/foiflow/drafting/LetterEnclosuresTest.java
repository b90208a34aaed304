package org.foiflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.foiflow.drafting.LetterEnclosures.ScheduleRow;
import org.junit.jupiter.api.Test;

/**
 * What goes with a response letter: the documents released with a full or partial disclosure ("We attach …") and
 * the schedule of redactions annexed to a partial disclosure or refusal notice, in the HTML, the plain text and the
 * Markdown the approver reads; a letter without enclosures reads as before.
 */
class LetterEnclosuresTest {

  private final LetterDrafter drafter = LetterCases.drafter();
  private final LetterEnclosures policy = new LetterEnclosures(List.of("Policy (redacted).pdf"), List.of(
      new ScheduleRow("Policy.pdf", 1, "Section 40(2)", 2),
      new ScheduleRow("Policy.pdf", 2, "Section 31(1)(a)", 1),
      new ScheduleRow("Night review.pdf", null, "Section 31(1)(a)", 1)));

  @Test
  void partialDisclosureListsTheDocumentsReleasedAndAnnexesTheScheduleOfRedactions() {
    DraftedLetter letter = drafter.draft(LetterType.PARTIAL_DISCLOSURE, CaseLetter.from(LetterCases.partialDisclosure()),
        policy);
    assertThat(letter.html()).contains("<table class=\"schedule\">", "<td>Whole document</td>");
    assertThat(letter.text()).contains("We attach the following document:", "Policy (redacted).pdf",
        "Annex: Schedule of redactions").doesNotContain("It is attached to this letter.");
    // the approver's Markdown carries the same: each row of the schedule on a line of its own
    assertThat(letter.markdown()).contains("We attach the following document:", "Schedule of redactions",
        "Policy.pdf  1  Section 40(2)  2", "Policy.pdf  2  Section 31(1)(a)  1",
        "Night review.pdf  Whole document  Section 31(1)(a)  Withheld");
    assertThat(letter.markdown().indexOf("Schedule of redactions"))
        .as("the annex follows the signature").isGreaterThan(letter.markdown().indexOf("Yours sincerely"));
  }

  @Test
  void refusalNoticeAnnexesTheScheduleButNeverForNeitherConfirmNorDeny() {
    LetterEnclosures withheld = new LetterEnclosures(List.of(), policy.schedule());
    assertThat(drafter.draft(LetterType.REFUSAL_NOTICE, CaseLetter.from(LetterCases.section31Refusal()), withheld)
        .text()).contains("Annex: Schedule of redactions", "Night review.pdf").doesNotContain("We attach");
    assertThat(drafter.draft(LetterType.REFUSAL_NOTICE, CaseLetter.from(LetterCases.ncnd()), withheld).text())
        .doesNotContain("Schedule of redactions", "Night review.pdf");
  }

  @Test
  void aLetterWithoutDocumentsReadsAsBefore() {
    CaseLetter full = CaseLetter.from(LetterCases.fullDisclosure());
    assertThat(drafter.draft(LetterType.FULL_DISCLOSURE, full, LetterEnclosures.NONE).text())
        .isEqualTo(drafter.draft(LetterType.FULL_DISCLOSURE, full).text()).doesNotContain("We attach", "Schedule");
    assertThat(drafter.draft(LetterType.FULL_DISCLOSURE, full, new LetterEnclosures(List.of("Sites.pdf", "Map.pdf"),
        List.of())).text()).contains("We attach the following 2 documents:", "Sites.pdf", "Map.pdf");
  }
}
