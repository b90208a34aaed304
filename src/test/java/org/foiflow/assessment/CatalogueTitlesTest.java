package org.foiflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;

/**
 * The DMN exemption-catalogue is the one source of exemption titles: the letters read it through
 * {@link CatalogueTitles}, and the assessment form's options (which a form cannot read from a table) must say
 * exactly what the catalogue says, code for code.
 */
class CatalogueTitlesTest {

  @Test
  void readsTheCatalogueRows() {
    assertThat(CatalogueTitles.titleOf("s21")).isEqualTo("Information accessible to the applicant by other means");
    assertThat(CatalogueTitles.titleOf(" S43-2 ")).isEqualTo("Prejudice to commercial interests");
    assertThat(CatalogueTitles.titleOf("s22a")).isEqualTo("Research information");
    assertThat(CatalogueTitles.titleOf("eir-13")).isEqualTo("Personal data");
    assertThat(CatalogueTitles.titleOf("s99")).isNull();
    assertThat(CatalogueTitles.titleOf(null)).isNull();
    assertThat(CatalogueTitles.all()).hasSize(77);
  }

  @Test
  void foisaAndEisrRowsFollowTheScottishLaw() {
    assertThat(CatalogueTitles.all().keySet().stream().filter(code -> code.startsWith("foisa-s"))).hasSize(26);
    assertThat(CatalogueTitles.all().keySet().stream().filter(code -> code.startsWith("eisr-"))).hasSize(13);
    assertThat(CatalogueTitles.titleOf("foisa-s30")).isEqualTo("Prejudice to effective conduct of public affairs");
    assertThat(CatalogueTitles.subsectionOf("foisa-s30-b-i").section()).isEqualTo("Section 30(b)(i)");
    assertThat(CatalogueTitles.subsectionOf("foisa-s30-b-i").verb()).isEqualTo("inhibit substantially");
  }

  @Test
  void scottishCodesAreCitedAsTheActAndRegulationsNumberThem() {
    assertThat(ExemptionCitation.of("foisa-s30")).isEqualTo("Section 30");
    assertThat(ExemptionCitation.of("foisa-s30-b-i")).isEqualTo("Section 30(b)(i)");
    assertThat(ExemptionCitation.of("eisr-10-5-b")).isEqualTo("Regulation 10(5)(b)");
    assertThat(ExemptionCitation.of("eisr-11")).isEqualTo("Regulation 11");
    assertThat(ExemptionCitation.of("s31")).isEqualTo("Section 31");
    assertThat(ExemptionCitation.of("eir-12-5-b")).isEqualTo("Regulation 12(5)(b)");
  }

  @Test
  void everySectionIsTheCitationOfItsCode() {
    CatalogueTitles.all().forEach((code, entry) ->
        assertThat(entry.section()).as(code).isEqualTo(ExemptionCitation.of(code)));
  }

  @Test
  void theAssessmentFormOffersTheCatalogueRowsOfTheCasesRegime() throws Exception {
    // the options are not in the form: OfferedExemptions fills offeredExemptions from the deployed catalogue
    JsonNode field = fieldOf("exemptions");
    assertThat(field.path("valuesKey").asText()).isEqualTo("offeredExemptions");
    assertThat(field.has("values")).isFalse();

    List<CatalogueTitles.Offered> rows;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(CatalogueTitles.RESOURCE)) {
      rows = CatalogueTitles.offeredBy(Dmn.readModelFromStream(in));
    }
    assertThat(rows).hasSize(CatalogueTitles.all().size());
    rows.forEach(row -> {
      assertThat(row.regime()).as(row.code()).isEqualTo(row.code().startsWith("eir-") ? "EIR"
          : row.code().startsWith("eisr-") ? "EISR" : row.code().startsWith("foisa-s") ? "FOISA" : "FOIA");
      assertThat(row.label()).as(row.code()).isEqualTo(
          CatalogueTitles.entryOf(row.code()).section() + ": " + CatalogueTitles.titleOf(row.code()));
    });
  }

  @Test
  void everySubsectionBelongsToACatalogueExemptionAndIsCitedByItsCode() {
    assertThat(CatalogueTitles.subsections()).isNotEmpty();
    CatalogueTitles.subsections().forEach((code, subsection) -> {
      assertThat(CatalogueTitles.entryOf(subsection.exemption())).as(code + " belongs to").isNotNull();
      assertThat(code).as(code).startsWith(subsection.exemption() + "-");
      assertThat(subsection.section()).as(code).isEqualTo(ExemptionCitation.of(code));
      assertThat(subsection.interest()).as(code).isNotBlank();
    });
    assertThat(CatalogueTitles.subsectionOf("s31-1-a").interest()).isEqualTo("the prevention or detection of crime");
  }

  @Test
  void theAssessmentFormOffersExactlyTheSubsections() throws Exception {
    Map<String, String> table = new LinkedHashMap<>();
    CatalogueTitles.subsections().forEach((code, row) -> table.put(code, row.section() + ": " + row.interest()));

    assertThat(offeredBy("exemptionSubsections")).containsExactlyInAnyOrderEntriesOf(table);
  }

  private JsonNode fieldOf(String key) throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("forms/exemption-assessment.form")) {
      return find(new ObjectMapper().readTree(in), key);
    }
  }

  private static JsonNode find(JsonNode node, String key) {
    if (key.equals(node.path("key").asText())) {
      return node;
    }
    for (JsonNode child : node.path("components")) {
      JsonNode found = find(child, key);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The options (value: label) of the assessment form's field with this key. */
  private Map<String, String> offeredBy(String key) throws Exception {
    Map<String, String> offered = new LinkedHashMap<>();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("forms/exemption-assessment.form")) {
      collect(new ObjectMapper().readTree(in), key, offered);
    }
    return offered;
  }

  private static void collect(JsonNode node, String key, Map<String, String> offered) {
    if (key.equals(node.path("key").asText())) {
      node.path("values").forEach(option -> offered.put(option.path("value").asText(), option.path("label").asText()));
    }
    node.path("components").forEach(child -> collect(child, key, offered));
  }
}
