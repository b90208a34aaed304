package org.foiflow.drafting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.foiflow.casefile.Language;

/**
 * Formatting helpers the templates call as {@code fmt}: British dates ("25 November 2026"), pounds, hours,
 * and officers' free text split into paragraphs or points (an HTML letter would otherwise run their lines
 * together).
 */
public final class LetterFormats {

  public static final LetterFormats INSTANCE = new LetterFormats(Locale.UK);
  /** The same in Welsh: "22 Ionawr 2026". */
  public static final LetterFormats WELSH = new LetterFormats(Language.CY.locale());

  private final DateTimeFormatter dates;
  private final boolean welsh;

  private LetterFormats(Locale locale) {
    this.dates = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
    this.welsh = "cy".equals(locale.getLanguage());
  }

  /** The formats of a letter in {@code language}. */
  public static LetterFormats of(Language language) {
    return language == Language.CY ? WELSH : INSTANCE;
  }

  /** "25 November 2026" (in Welsh "25 Tachwedd 2026"); empty for no date. */
  public String date(LocalDate date) {
    return date == null ? "" : dates.format(date);
  }

  /** "£450", "£1,012.50"; empty for no amount. */
  public String money(BigDecimal pounds) {
    if (pounds == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
    boolean whole = pounds.stripTrailingZeros().scale() <= 0;
    format.setMinimumFractionDigits(whole ? 0 : 2);
    format.setMaximumFractionDigits(whole ? 0 : 2);
    return "£" + format.format(pounds.setScale(2, RoundingMode.HALF_UP));
  }

  /** "30", "37.5"; empty for no number. */
  public String number(BigDecimal value) {
    if (value == null) {
      return "";
    }
    BigDecimal plain = value.stripTrailingZeros();
    return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
  }

  /** "1 hour", "37.5 hours" (in Welsh "1 awr", "37.5 awr"). */
  public String hours(BigDecimal value) {
    if (welsh) {
      return value == null ? "" : number(value) + " awr";
    }
    return value == null ? "" : number(value) + (BigDecimal.ONE.compareTo(value) == 0 ? " hour" : " hours");
  }

  /** Free text as paragraphs: one per non-blank line. */
  public List<String> paragraphs(String text) {
    List<String> paragraphs = new ArrayList<>();
    if (text != null) {
      for (String line : text.replace("\r", "").split("\n")) {
        if (!line.isBlank()) {
          paragraphs.add(line.strip());
        }
      }
    }
    return paragraphs;
  }

  /** Free text as points: one per non-blank line, without the bullet the officer may have typed. */
  public List<String> points(String text) {
    List<String> points = new ArrayList<>();
    for (String line : paragraphs(text)) {
      String point = line.replaceFirst("^([-*•]|\\d+[.)])\\s+", "").strip();
      if (!point.isEmpty()) {
        points.add(point);
      }
    }
    return points;
  }

  /** A postal address as lines: the lines typed, or the parts of a one-line address separated by commas. */
  public List<String> addressLines(String address) {
    List<String> lines = new ArrayList<>();
    if (address == null) {
      return lines;
    }
    String[] parts = address.contains("\n") ? address.replace("\r", "").split("\n") : address.split(",");
    for (String part : parts) {
      String line = part.strip();
      if (line.endsWith(",")) {
        line = line.substring(0, line.length() - 1).strip();
      }
      if (!line.isEmpty()) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** Officer's text ending as a sentence, with a full stop unless it already ends with punctuation. */
  public String sentence(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String trimmed = text.strip();
    return trimmed.matches("(?s).*[.!?:;)]$") ? trimmed : trimmed + ".";
  }

  /** Text with its first letter in lower case, to continue a sentence ("…because the information is…"). */
  public String lowerFirst(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    return text.length() > 1 && Character.isUpperCase(text.charAt(1)) ? text
        : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  /**
   * Items as a list in a sentence: "a", "a and b", "a, b and c"; in Welsh "a a b", with "ac" before a vowel
   * ("atal troseddau ac erlyn troseddwyr"), "a'r" before the article and the aspirate mutation "a" takes ("a pheryglu", "a thorri").
   */
  public String joinAnd(List<String> items) {
    if (items.size() <= 1) {
      return items.isEmpty() ? "" : items.get(0);
    }
    String last = items.get(items.size() - 1);
    String and = " and " + last;
    if (welsh) {
      if (last.startsWith("y ") || last.startsWith("yr ")) {
        and = " a'r " + last.substring(last.indexOf(' ') + 1);
      } else if (last.startsWith("ein ")) {
        and = " a'n " + aspirate(last.substring(4));
      } else {
        and = last.matches("(?i)^[aeiouwyâêîôûŵŷ].*") ? " ac " + last : " a " + aspirate(last);
      }
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + and;
  }

  /** The Welsh aspirate mutation of a word's first letter (c → ch, p → ph, t → th), as after "a" (and). */
  static String aspirate(String word) {
    if (word.startsWith("ch") || word.startsWith("ph") || word.startsWith("th")) {
      return word;
    }
    if (word.startsWith("c") || word.startsWith("p") || word.startsWith("t")) {
      return word.charAt(0) + "h" + word.substring(1);
    }
    return word;
  }
}
