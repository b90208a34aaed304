package org.foiflow.drafting;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public authority that sends the letters: letterhead, reply address and the officer who signs.
 * Configured under foiflow.authority.*; every value has a placeholder default so a fresh install still
 * drafts readable letters (and the placeholder name makes it obvious the configuration is missing).
 */
@ConfigurationProperties(prefix = "foiflow.authority")
public record AuthorityProfile(
    String name,
    List<String> addressLines,
    String email,
    String telephone,
    String website,
    String signatoryName,
    String signatoryTitle,
    String team) {

  public AuthorityProfile {
    name = orDefault(name, "Example Borough Council");
    addressLines = addressLines == null || addressLines.isEmpty()
        ? List.of("Town Hall", "High Street", "Exampleton", "EX1 1AA") : List.copyOf(addressLines);
    email = orDefault(email, "foi@example.gov.uk");
    telephone = blankToNull(telephone);
    website = blankToNull(website);
    // No default person: an unconfigured install signs with the role only, never with an invented name.
    signatoryName = blankToNull(signatoryName);
    signatoryTitle = orDefault(signatoryTitle, "Freedom of Information Officer");
    // A role configured as the name too would be printed twice above the authority's name.
    if (signatoryName != null && signatoryName.equalsIgnoreCase(signatoryTitle)) {
      signatoryName = null;
    }
    team = orDefault(team, "Information Governance Team");
  }

  /** The placeholder authority, for tests and a first start. */
  public static AuthorityProfile defaults() {
    return new AuthorityProfile(null, null, null, null, null, null, null, null);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
