package org.foiflow.casefile;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The language a requester corresponds in, kept with the case ({@code language}: "en" or "cy"). A Welsh requester
 * gets Welsh letters (or bilingual ones, Welsh first, as {@code foiflow.letters.welsh} says): the Welsh Language
 * Standards.
 */
public enum Language {

  EN("en", Locale.UK),
  CY("cy", Locale.forLanguageTag("cy-GB"));

  private final String code;
  private final Locale locale;

  Language(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  /** The code the case keeps and the API takes: "en", "cy". */
  @JsonValue
  public String code() {
    return code;
  }

  public Locale locale() {
    return locale;
  }

  /** The language a case keeps; English for a case that never named one. */
  public static Language of(String kept) {
    Language language = parse(kept);
    return language != null ? language : EN;
  }

  /** The language named by {@code given} ("cy", "CY"), or null when it names none. */
  public static Language parse(String given) {
    if (given == null || given.isBlank()) {
      return null;
    }
    for (Language language : values()) {
      if (language.code.equalsIgnoreCase(given.strip()) || language.name().equalsIgnoreCase(given.strip())) {
        return language;
      }
    }
    throw new IllegalArgumentException("language must be en or cy");
  }
}
