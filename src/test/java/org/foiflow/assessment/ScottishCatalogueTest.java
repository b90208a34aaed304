package org.foiflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's FOISA and EISR rows, evaluated as the engine evaluates them: which exemptions are absolute
 * (FOISA s.2(2)), which take the substantial prejudice test and which may be neither confirmed nor denied (s.18(1)).
 */
class ScottishCatalogueTest {

  private static DmnEngine dmn;
  private static DmnDecision catalogue;

  @BeforeAll
  static void readTheCatalogue() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = ScottishCatalogueTest.class.getClassLoader().getResourceAsStream(CatalogueTitles.RESOURCE)) {
      catalogue = dmn.parseDecision(ExemptionProfile.CATALOGUE, in);
    }
  }

  private static DmnDecisionRuleResult row(String code) {
    return dmn.evaluateDecisionTable(catalogue, Map.of("exemption", code)).getSingleResult();
  }

  @Test
  void theAbsoluteExemptionsAreThoseOfSection2Subsection2() {
    for (String absolute : new String[] {"foisa-s25", "foisa-s26", "foisa-s36-2", "foisa-s37", "foisa-s38-1-a",
        "foisa-s38-1-b", "foisa-s38-1-d"}) {
      assertThat((Boolean) row(absolute).get("absolute")).as(absolute).isTrue();
    }
    for (String qualified : new String[] {"foisa-s27-1", "foisa-s29", "foisa-s30", "foisa-s33-1-b", "foisa-s35",
        "foisa-s36-1", "foisa-s39-1", "foisa-s40", "foisa-s41", "eisr-10-4-b", "eisr-10-5-b"}) {
      assertThat((Boolean) row(qualified).get("absolute")).as(qualified).isFalse();
    }
  }

  @Test
  void substantialPrejudiceIsTestedForTheHarmBasedExemptionsOnly() {
    for (String harm : new String[] {"foisa-s27-2", "foisa-s28", "foisa-s30", "foisa-s33-1-b", "foisa-s35",
        "foisa-s40", "eisr-10-5-a", "eisr-10-5-g"}) {
      assertThat((Boolean) row(harm).get("prejudiceBased")).as(harm).isTrue();
    }
    for (String classBased : new String[] {"foisa-s25", "foisa-s29", "foisa-s34", "foisa-s36-1", "foisa-s41",
        "eisr-10-4-e", "eisr-11"}) {
      assertThat((Boolean) row(classBased).get("prejudiceBased")).as(classBased).isFalse();
    }
  }

  @Test
  void neitherConfirmNorDenyOnlyWhereSection18Allows() {
    for (String ncnd : new String[] {"foisa-s28", "foisa-s30", "foisa-s35", "foisa-s38-1-b", "foisa-s39-1",
        "foisa-s41", "eisr-10-5-a", "eisr-11"}) {
      assertThat((Boolean) row(ncnd).get("ncndAvailable")).as(ncnd).isTrue();
    }
    for (String not : new String[] {"foisa-s25", "foisa-s26", "foisa-s27-2", "foisa-s36-2", "foisa-s37",
        "foisa-s39-2", "eisr-10-5-b"}) {
      assertThat((Boolean) row(not).get("ncndAvailable")).as(not).isFalse();
    }
  }

  @Test
  void everyScottishRowNamesItsRegimeAndTheUkRowsStayUk() {
    CatalogueTitles.all().keySet().forEach(code -> assertThat(row(code).get("regime")).as(code).isEqualTo(
        code.startsWith("foisa-s") ? "FOISA" : code.startsWith("eisr-") ? "EISR"
            : code.startsWith("eir-") ? "EIR" : "FOIA"));
    assertThat(row("s30").get("title")).isEqualTo("Investigations and proceedings conducted by public authorities");
  }
}
