package org.foiflow.redaction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Finds personal data a document seems to hold (names, email addresses, UK phone numbers, postcodes, National
 * Insurance numbers) so an officer can redact it; a suggestion, never a decision. Other people's names are found
 * by their title (Mr, Dr, PC, Sgt...): every capitalised pair would flood the list with place and team names.
 */
public final class PersonalDataFinder {

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  // 01/02/03 landlines and 07 mobiles, 10 or 11 digits, also written +44 (0)...; spaces or hyphens between groups
  private static final Pattern PHONE =
      Pattern.compile("(?<![\\w+])(?:\\+44\\s?(?:\\(0\\)\\s?)?|\\(?0)[1237]\\d{1,3}\\)?(?:[\\s-]?\\d){6,8}(?!\\d)");
  private static final Pattern POSTCODE =
      Pattern.compile("\\b(?:GIR\\s?0AA|[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?\\s?\\d[ABD-HJLNP-UW-Z]{2})\\b");
  // HMRC's format: two letters (not D, F, I, U, V), six digits in pairs, a suffix A to D
  private static final Pattern NI_NUMBER =
      Pattern.compile("\\b[A-CEGHJ-TW-Z]{2}\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?[A-D]\\b");
  private static final Pattern TITLED_NAME = Pattern.compile(
      "\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|PC|DC|DS|DI|Sgt|Insp|Supt|Cllr|Sir|Dame|Lord|Lady)\\.?\\s+"
          + "[A-Z][A-Za-z'\u2019-]*\\.?(?:[ \\t]+[A-Z][a-z'\u2019-]+){0,2}\\b");

  private PersonalDataFinder() {}

  /** The personal data found; {@code knownNames} are names known to the case (the requester's, etc.). */
  public static List<PersonalDataSuggestion> suggest(byte[] pdf, List<String> knownNames) {
    try (PDDocument document = PdfFile.open(pdf)) {
      DocumentText text = DocumentText.of(document);
      Map<String, Found> found = new LinkedHashMap<>();
      if (knownNames != null) {
        for (String name : knownNames) {
          Pattern pattern = PdfText.phrasePattern(name);
          if (pattern != null) {
            add(found, "NAME", text.find(pattern));
          }
        }
      }
      add(found, "NAME", text.find(TITLED_NAME));
      add(found, "EMAIL", text.find(EMAIL));
      add(found, "PHONE", text.find(PHONE));
      add(found, "POSTCODE", text.find(POSTCODE));
      add(found, "NI_NUMBER", text.find(NI_NUMBER));
      List<PersonalDataSuggestion> suggestions = new ArrayList<>();
      for (Found f : found.values()) {
        suggestions.add(new PersonalDataSuggestion(f.kind, f.text, f.matches));
      }
      return suggestions;
    } catch (IOException e) {
      throw new UnreadablePdfException("The PDF could not be read.", e);
    }
  }

  private record Found(String kind, String text, List<TextMatch> matches) {}

  private static void add(Map<String, Found> found, String kind, List<TextMatch> matches) {
    for (TextMatch match : matches) {
      String key = kind + ":" + match.text().toLowerCase(Locale.UK).replaceAll("[\\s-]+", "");
      found.computeIfAbsent(key, k -> new Found(kind, match.text(), new ArrayList<>())).matches().add(match);
    }
  }
}
