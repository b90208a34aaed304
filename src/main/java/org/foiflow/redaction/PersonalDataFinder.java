package org.foiflow.redaction;

import java.util.List;

/**
 * Finds personal data a document seems to hold (names, email addresses, UK phone numbers, postcodes, National
 * Insurance numbers) so an officer can redact it; a suggestion, never a decision.
 */
public final class PersonalDataFinder {

  private PersonalDataFinder() {}

  /** The personal data found; {@code knownNames} are names known to the case (the requester's, etc.). */
  public static List<PersonalDataSuggestion> suggest(byte[] pdf, List<String> knownNames) {
    throw new UnsupportedOperationException("not yet");
  }
}
