package org.foiflow.intake;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.foiflow.casefile.GivenDates;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.Jurisdiction;
import org.foiflow.casefile.Language;

/**
 * What makes a request loggable (s.8(1)): a name, an address for correspondence (email or post), a
 * description of the information, and a receipt date neither in the future nor before 2000 ({@link GivenDates}).
 * The same rules guard the intake API and Tasklist's start form, so a case can never be half-registered.
 */
public final class RequestRules {

  /** Deliberately plain: one @, no spaces or angle brackets, a dot in the domain. */
  private static final java.util.regex.Pattern EMAIL =
      java.util.regex.Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");

  private RequestRules() {
  }

  public static Map<String, String> violations(String name, String email, String postalAddress,
                                               String request, LocalDate receivedOn, LocalDate today) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (name == null || name.isBlank()) {
      problems.put("requester.name", "the requester's name is required (s.8(1)(b))");
    }
    if (!isBlank(email) && !EMAIL.matcher(email.strip()).matches()) {
      problems.put("requester.email", "not an email address");
    }
    if (isBlank(email) && isBlank(postalAddress)) {
      problems.put("requester.email", "an email or a postal address for correspondence is required (s.8(1)(b))");
    }
    if (request == null || request.isBlank()) {
      problems.put("request", "the request must describe the information asked for (s.8(1)(c))");
    }
    if (GivenDates.happenedProblem(receivedOn, today) != null) {
      problems.put("receivedOn", GivenDates.happenedProblem(receivedOn, today));
    }
    return problems;
  }

  static void check(String name, String email, String postalAddress, String request,
                    LocalDate receivedOn, LocalDate today) {
    Map<String, String> problems = violations(name, email, postalAddress, request, receivedOn, today);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  /**
   * The law and language a request is logged under: a regime of this jurisdiction ({@link Jurisdiction#regimeProblem})
   * and a language foiflow writes letters in (English, or Welsh under FOIA and the EIR: the Welsh Language
   * Standards are Welsh bodies' duty, and the Welsh letters cite the UK Act). Each problem names its field.
   */
  public static Map<String, String> lawViolations(Jurisdiction jurisdiction, String regime, String language) {
    Map<String, String> problems = new LinkedHashMap<>();
    String regimeProblem = jurisdiction.regimeProblem(regime);
    if (regimeProblem != null) {
      problems.put("regime", regimeProblem);
    }
    if (language != null && !language.isBlank()) {
      Language named;
      try {
        named = Language.parse(language);
      } catch (IllegalArgumentException unknown) {
        named = null;
        problems.put("language", "must be en (English) or cy (Welsh)");
      }
      if (named == Language.CY && jurisdiction != Jurisdiction.UK) {
        problems.put("language", "letters in Welsh are drafted under the Freedom of Information Act 2000 and the "
            + "EIR for authorities in Wales; this authority answers under the Scottish Act, in English");
      }
    }
    return problems;
  }

  static void checkLaw(Jurisdiction jurisdiction, String regime, String language) {
    Map<String, String> problems = lawViolations(jurisdiction, regime, language);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
