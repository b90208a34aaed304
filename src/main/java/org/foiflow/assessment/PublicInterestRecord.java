package org.foiflow.assessment;

import static org.foiflow.casefile.CaseVariable.BALANCE;
import static org.foiflow.casefile.CaseVariable.BALANCE_FAVOURS_DISCLOSURE_COUNT;
import static org.foiflow.casefile.CaseVariable.CONCLUSION;
import static org.foiflow.casefile.CaseVariable.FACTORS_AGAINST;
import static org.foiflow.casefile.CaseVariable.FACTORS_FOR;
import static org.foiflow.casefile.CaseVariable.PUBLIC_INTEREST_TESTS;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * On completing a "Public interest test" task: files the factors for and against disclosure and the
 * balancing conclusion in "publicInterestTests" under the exemption, and counts in
 * "balanceFavoursDisclosureCount" the exemptions whose balance favours disclosure (s.2(2)(b): such an
 * exemption cannot be relied on).
 */
@Component("publicInterestRecord")
public class PublicInterestRecord extends PerExemptionRecord {

  public PublicInterestRecord() {
    super(PUBLIC_INTEREST_TESTS, BALANCE_FAVOURS_DISCLOSURE_COUNT, FACTORS_FOR, FACTORS_AGAINST, BALANCE, CONCLUSION);
  }

  @Override
  boolean fails(Map<String, Object> answers) {
    return "DISCLOSE".equals(answers.get(BALANCE.key()));
  }
}
