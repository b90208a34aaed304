package org.foiflow.scotland;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.foiflow.casefile.CostLimit;
import org.foiflow.casefile.Jurisdiction;
import org.foiflow.fees.FeesRegulationsScotland;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004 (SSI 2004/467): nothing for
 * the first £100 of the projected cost, then 10% of the cost between £100 and £600; and the cost limit each
 * jurisdiction starts from unless the installation sets its own.
 */
class ScottishFeesTest {

  private final FeesRegulationsScotland regulations = new FeesRegulationsScotland();

  @ParameterizedTest(name = "a projected cost of £{0} gives a fee of £{1}")
  @CsvSource(textBlock = """
      0,      0.00
      97.50,  0.00
      100,    0.00
      100.01, 0.00
      115,    1.50
      300,    20.00
      307.50, 20.75
      600,    50.00
      """)
  void theFeeIsATenthOfTheCostAboveAHundredPounds(String cost, String fee) {
    assertThat(regulations.fee(new BigDecimal(cost))).isEqualByComparingTo(fee);
  }

  @Test
  void theFeeNeverExceedsFiftyPounds() {
    assertThat(regulations.fee(new BigDecimal("1200"))).isEqualByComparingTo("50.00");
  }

  @Test
  void eachJurisdictionHasItsOwnRateAndLimitUnlessConfigured() {
    assertThat(CostLimit.of(Jurisdiction.UK)).isEqualTo(new CostLimit(25, 450));
    assertThat(CostLimit.of(Jurisdiction.SCOTLAND)).isEqualTo(new CostLimit(15, 600));
    assertThat(CostLimit.of(Jurisdiction.SCOTLAND, 12, null)).isEqualTo(new CostLimit(12, 600));
    assertThat(CostLimit.of(Jurisdiction.UK, null, 600)).isEqualTo(new CostLimit(25, 600));
  }
}
