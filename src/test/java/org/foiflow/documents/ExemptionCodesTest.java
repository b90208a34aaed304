package org.foiflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exemptions as officers cite them are the catalogue's codes; each code's label and top-level exemption. */
class ExemptionCodesTest {

  @Test
  void citedFormsAreTheCataloguesCodes() {
    assertThat(ExemptionCodes.normalised("s40(2)")).isEqualTo("s40-2");
    assertThat(ExemptionCodes.normalised("s.40(2)")).isEqualTo("s40-2");
    assertThat(ExemptionCodes.normalised("Section 40(2)")).isEqualTo("s40-2");
    assertThat(ExemptionCodes.normalised("s31(1)(a)")).isEqualTo("s31-1-a");
    assertThat(ExemptionCodes.normalised("s36(2)(b)(ii)")).isEqualTo("s36-2-b-ii");
    assertThat(ExemptionCodes.normalised("reg.12(5)(b)")).isEqualTo("eir-12-5-b");
    assertThat(ExemptionCodes.normalised("Regulation 12(5)(b)")).isEqualTo("eir-12-5-b");
    assertThat(ExemptionCodes.normalised("S22A")).isEqualTo("s22A");
    assertThat(ExemptionCodes.normalised("s31")).isEqualTo("s31");
    assertThat(ExemptionCodes.normalised("s99")).isNull();
    assertThat(ExemptionCodes.normalised("s40")).as("section 40 is cited by its subsection").isNull();
    assertThat(ExemptionCodes.normalised("<script>")).isNull();
  }

  @Test
  void aCodesLabelAndTopLevelExemption() {
    assertThat(ExemptionCodes.label("s40-2")).isEqualTo("s.40(2)");
    assertThat(ExemptionCodes.label("s31-1-a")).isEqualTo("s.31(1)(a)");
    assertThat(ExemptionCodes.label("s43-2")).isEqualTo("s.43(2)");
    assertThat(ExemptionCodes.label("eir-12-5-b")).isEqualTo("reg.12(5)(b)");
    assertThat(ExemptionCodes.topLevel("s31-1-a")).isEqualTo("s31");
    assertThat(ExemptionCodes.topLevel("s40-2")).isEqualTo("s40-2");
    assertThat(ExemptionCodes.title("s31-1-a")).contains("Law enforcement");
    assertThat(ExemptionCodes.label("foisa-s30-b-i")).isEqualTo("s.30(b)(i)");
    assertThat(ExemptionCodes.label("eisr-10-5-b")).isEqualTo("reg.10(5)(b)");
    assertThat(ExemptionCodes.normalised("s.30(b)(i)", org.foiflow.casefile.Regime.FOISA)).isEqualTo("foisa-s30-b-i");
    assertThat(ExemptionCodes.normalised("reg.10(5)(b)", org.foiflow.casefile.Regime.EISR)).isEqualTo("eisr-10-5-b");
    assertThat(ExemptionCodes.normalised("s.30(b)(i)")).isNull();
    assertThat(ExemptionCodes.ofRegime("foisa-s30", org.foiflow.casefile.Regime.FOISA)).isTrue();
    assertThat(ExemptionCodes.ofRegime("s30", org.foiflow.casefile.Regime.FOISA)).isFalse();
  }
}
