package org.foiflow.assessment;

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
    super("publicInterestTests", "balanceFavoursDisclosureCount", "factorsFor", "factorsAgainst", "balance",
        "conclusion");
  }

  @Override
  boolean fails(Map<String, Object> answers) {
    return "DISCLOSE".equals(answers.get("balance"));
  }
}
