package org.foiflow.redaction;

import java.util.List;

/**
 * Personal data a document seems to hold, offered for redaction: {@code kind} is NAME, EMAIL, PHONE, POSTCODE or
 * NI_NUMBER; {@code text} the value as first found; {@code matches} every place it occurs.
 */
public record PersonalDataSuggestion(String kind, String text, List<TextMatch> matches) {

  public PersonalDataSuggestion {
    matches = List.copyOf(matches);
  }
}
