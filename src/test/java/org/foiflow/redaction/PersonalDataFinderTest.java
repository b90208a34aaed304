package org.foiflow.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalDataFinderTest {

  private static final byte[] STATEMENT = SamplePdfs.page(0, (d, p, c) -> {
    float y = 760;
    for (String line : List.of(
        "Statement taken from Jane Doe at the Town Hall.",
        "Contact: jane.doe@example.org, 01632 960123 or mobile 07700 900123.",
        "Her solicitor: +44 20 7946 0958, 12 High Street, London SW1A 1AA.",
        "National Insurance number QQ 12 34 56 C.",
        "Mr Smith met Dr Alan Jones and PC Kumar at the Budget Committee.",
        "Jane Doe signed it; Insp Kowalski countersigned for North Yorkshire Police.")) {
      SamplePdfs.line(c, SamplePdfs.helvetica(), 11, 60, y, line);
      y -= 16;
    }
  });

  @Test
  void personalDataIsSuggestedByKind() {
    List<PersonalDataSuggestion> found = PersonalDataFinder.suggest(STATEMENT, List.of("Jane Doe"));

    assertThat(found).extracting(PersonalDataSuggestion::kind, PersonalDataSuggestion::text).contains(
        tuple("NAME", "Jane Doe"),
        tuple("NAME", "Mr Smith"),
        tuple("NAME", "Dr Alan Jones"),
        tuple("NAME", "PC Kumar"),
        tuple("NAME", "Insp Kowalski"),
        tuple("EMAIL", "jane.doe@example.org"),
        tuple("PHONE", "01632 960123"),
        tuple("PHONE", "07700 900123"),
        tuple("PHONE", "+44 20 7946 0958"),
        tuple("POSTCODE", "SW1A 1AA"),
        tuple("NI_NUMBER", "QQ 12 34 56 C"));
    // every occurrence of a known name, each with its area
    assertThat(found).filteredOn(s -> s.text().equals("Jane Doe")).singleElement()
        .satisfies(s -> assertThat(s.matches()).hasSize(2));
  }

  @Test
  void capitalisedWordsWithoutATitleAreNotNames() {
    List<PersonalDataSuggestion> found = PersonalDataFinder.suggest(STATEMENT, List.of());

    assertThat(found).filteredOn(s -> s.kind().equals("NAME")).extracting(PersonalDataSuggestion::text)
        .containsExactlyInAnyOrder("Mr Smith", "Dr Alan Jones", "PC Kumar", "Insp Kowalski");
    // a house number or a year is no phone number
    assertThat(found).filteredOn(s -> s.kind().equals("PHONE")).hasSize(3);
  }
}
