package org.foiflow.fees;

import static org.foiflow.casefile.CaseVariable.AGGREGATED_HOURS;
import static org.foiflow.casefile.CaseVariable.ESTIMATED_HOURS;
import static org.foiflow.casefile.CaseVariable.FEES_PAYABLE;
import static org.foiflow.casefile.CaseVariable.FEE_DETAILS;
import static org.foiflow.casefile.CaseVariable.FEE_POUNDS;
import static org.foiflow.casefile.CaseVariable.HOURLY_RATE_POUNDS;
import static org.foiflow.casefile.CaseVariable.REGIME;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.CostLimit;
import org.foiflow.casefile.Regime;
import org.springframework.stereotype.Component;

/**
 * The fee a Scottish authority may charge under FOISA s.9 and the Freedom of Information (Fees for Required
 * Disclosure) (Scotland) Regulations 2004 (SSI 2004/467), and the EISR reg 8 charge worked out the same way: the
 * projected cost (staff time at no more than £15 an hour, reg 3) is free up to £100; of the cost between £100 and
 * £600, a tenth may be charged (reg 4), so never more than £50. Over £600 the request is refused under s.12 instead
 * (the triage route's cost-limit row).
 *
 * <p>The triage route sends a Scottish case whose projected cost is over £100 to the fees notice; "Send fees notice"
 * puts the fee worked out here on the case before the notice is drafted.
 */
@Component
public class FeesRegulationsScotland {

  /** reg 4(2)(a): no fee for the first £100 of the projected cost. */
  public static final BigDecimal FREE_UP_TO_POUNDS = new BigDecimal("100");
  /** reg 5: the prescribed amount, over which s.12(1) applies. */
  public static final BigDecimal PRESCRIBED_AMOUNT_POUNDS = new BigDecimal(CostLimit.SCOTTISH_LIMIT_POUNDS);
  /** reg 4(2)(b): 10% of the projected cost between £100 and £600. */
  public static final BigDecimal SHARE_CHARGED = new BigDecimal("0.10");

  /** The fee for a projected cost: £0 up to £100, then 10% of the cost over £100 up to £600 (at most £50). */
  public BigDecimal fee(BigDecimal projectedCostPounds) {
    if (projectedCostPounds.compareTo(FREE_UP_TO_POUNDS) <= 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal chargeable = projectedCostPounds.min(PRESCRIBED_AMOUNT_POUNDS).subtract(FREE_UP_TO_POUNDS);
    return chargeable.multiply(SHARE_CHARGED).setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * The projected cost the triage answers give: the estimated hours, with those of requests aggregated with it, at
   * the case's hourly rate; null when there is no estimate.
   */
  public BigDecimal projectedCost(VariableScope caseScope) {
    CaseFile file = CaseFile.of(caseScope);
    BigDecimal hours = number(file.value(ESTIMATED_HOURS));
    if (hours == null) {
      return null;
    }
    BigDecimal aggregated = number(file.value(AGGREGATED_HOURS));
    BigDecimal rate = number(file.value(HOURLY_RATE_POUNDS));
    return hours.add(aggregated == null ? BigDecimal.ZERO : aggregated)
        .multiply(rate == null ? new BigDecimal(CostLimit.SCOTTISH_HOURLY_RATE_POUNDS) : rate);
  }

  /**
   * For a FOISA or EISR case whose projected cost is over £100: puts the regulations' fee on the case (feePounds,
   * feesPayable, and what it covers when the officer wrote nothing), and returns it; null for any other case, whose
   * fee (if any) stays the officer's.
   */
  public BigDecimal charge(VariableScope caseScope) {
    CaseFile file = CaseFile.of(caseScope);
    if (!Regime.of(file.text(REGIME)).scottish()) {
      return null;
    }
    BigDecimal cost = projectedCost(caseScope);
    if (cost == null || cost.compareTo(FREE_UP_TO_POUNDS) <= 0) {
      return null;
    }
    BigDecimal fee = fee(cost);
    file.put(FEE_POUNDS, fee.doubleValue());
    file.put(FEES_PAYABLE, true);
    String details = file.text(FEE_DETAILS);
    if (details == null || details.isBlank()) {
      file.put(FEE_DETAILS, "The projected cost of £" + plain(cost) + " less the first £100, which is free, leaves £"
          + plain(cost.min(PRESCRIBED_AMOUNT_POUNDS).subtract(FREE_UP_TO_POUNDS))
          + "; the fee is 10% of that (the Freedom of Information (Fees for Required Disclosure) (Scotland) "
          + "Regulations 2004)");
    }
    return fee;
  }

  private static String plain(BigDecimal pounds) {
    return pounds.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static BigDecimal number(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return new BigDecimal(value.toString().strip());
  }
}
