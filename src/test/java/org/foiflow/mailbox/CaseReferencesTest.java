package org.foiflow.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The case references a subject carries, as we write them and as people and mail clients mangle them. */
class CaseReferencesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "FOI-2026-00042",
      "Re: FOI-2026-00042 Your request for information",
      "RE: Fwd: Re: FOI-2026-00042",
      "[FOI-2026-00042] Clarification",
      "Re: [FOI-2026-00042]",
      "FOI 2026 42",
      "FOI/2026/42",
      "foi-2026-042",
      "foi 2026-00042: fee paid",
      "Ref FOI_2026_42.",
      "FOI2026-42",
      "Internal review of FOI - 2026 - 0042 please",
      "(FOI-2026-00042)"})
  void aSubjectNamingTheCaseInAnyCommonFormGivesItsReference(String subject) {
    assertThat(CaseReferences.inSubject(subject)).containsExactly("FOI-2026-00042");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "FOI 2026",
      "Form 2026 42",
      "FOIA 2000 section 42",
      "INFOI-2026-00042",
      "FOI-2026-0",
      "FOI-2026-123456",
      "Request under the FOI Act 2000",
      "Meeting on 2026-04-02",
      ""})
  void aSubjectWithoutACaseReferenceGivesNone(String subject) {
    assertThat(CaseReferences.inSubject(subject)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Re: your ref FOI-2026-1234, our ref FOI-2026-00042",
      "FOI/2026/1234 (forwarded to you) FOI-2026-00042",
      "Re: [FOI 2026 1234] Fwd: [FOI-2026-00042]"})
  void aSubjectQuotingAnotherAuthoritysLooseReferenceBesideOursGivesOursFirst(String subject) {
    assertThat(CaseReferences.inSubject(subject)).containsExactly("FOI-2026-00042", "FOI-2026-01234");
  }
}
