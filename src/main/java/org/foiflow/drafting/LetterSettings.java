package org.foiflow.drafting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where the letter templates live and how long a parsed template is trusted before the file is read again.
 *
 * @param location a Spring resource location of the templates folder; {@code file:letters/} (the folder the
 *                 FOI team edits) falls back to {@code classpath:letters/} when the folder does not exist,
 *                 so a packaged jar still finds the templates it was built with
 * @param cacheTtl how long a template stays cached: edits to the files show up after at most this long
 * @param welsh    what a requester who corresponds in Welsh gets: {@code bilingual} letters (Welsh first, then
 *                 English) or letters in {@code welsh} alone
 */
@ConfigurationProperties(prefix = "foiflow.letters")
public record LetterSettings(String location, Duration cacheTtl, WelshLetters welsh) {

  /** How a Welsh requester's letters are written (the Welsh Language Standards allow either). */
  public enum WelshLetters { BILINGUAL, WELSH }

  /** Without a Welsh setting: bilingual. */
  public LetterSettings(String location, Duration cacheTtl) {
    this(location, cacheTtl, null);
  }

  public static final String DEFAULT_LOCATION = "file:letters/";
  public static final String FALLBACK_LOCATION = "classpath:letters/";

  @ConstructorBinding
  public LetterSettings {
    location = location == null || location.isBlank() ? DEFAULT_LOCATION : location.trim();
    if (!location.endsWith("/")) {
      location = location + "/";
    }
    cacheTtl = cacheTtl == null ? Duration.ofSeconds(30) : cacheTtl;
    welsh = welsh == null ? WelshLetters.BILINGUAL : welsh;
  }

  public static LetterSettings defaults() {
    return new LetterSettings(null, null, null);
  }
}
