package org.foiflow.publicrequest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.foiflow.casefile.Jurisdiction;
import org.foiflow.casefile.Language;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The public pages' words in the page's language (templates/public/wording/en.properties and cy.properties, the
 * same keys in each; a test keeps them so), read once. Welsh is offered only where Welsh letters can be sent: a UK
 * installation (FOIA and the EIR, the Welsh Language Standards); a Scottish one shows its pages in English with the
 * Scottish Act and Regulations named (scotland.properties over the English). The page's language is chosen by
 * {@code ?lang=cy} on any public page: one set of pages and one form address in both languages, so the CSRF check,
 * the bot trap, the rate limit and the page policy are the same code whichever language a person reads.
 */
@Component
public class PublicFormWording {

  /** The query parameter that chooses the page's language: {@code lang=cy}. */
  public static final String LANG = "lang";
  private static final String FOLDER = "templates/public/wording/";

  private final Jurisdiction jurisdiction;
  private final Map<Language, Map<String, String>> words;

  public PublicFormWording(Jurisdiction jurisdiction) {
    this.jurisdiction = jurisdiction;
    Map<String, String> english = read("en");
    if (jurisdiction == Jurisdiction.SCOTLAND) {
      english.putAll(read("scotland"));
    }
    Map<String, String> welsh = read("en");
    welsh.putAll(read("cy"));
    this.words = Map.of(Language.EN, Map.copyOf(english), Language.CY, Map.copyOf(welsh));
  }

  /** Whether the pages offer Welsh (and the form a choice of the language of our letters): not in Scotland. */
  public boolean welshOffered() {
    return jurisdiction == Jurisdiction.UK;
  }

  /** The language of a page asked for with {@code lang} ("cy" for Welsh where it is offered; else English). */
  public Language pageLanguage(String lang) {
    return welshOffered() && "cy".equalsIgnoreCase(lang == null ? null : lang.strip()) ? Language.CY : Language.EN;
  }

  /** Key to words in {@code language}. */
  public Map<String, String> in(Language language) {
    return words.get(language);
  }

  static Map<String, String> read(String name) {
    Properties properties = new Properties();
    try (Reader reader = new InputStreamReader(new ClassPathResource(FOLDER + name + ".properties").getInputStream(),
        StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException missing) {
      throw new UncheckedIOException("the public form's wording " + name + " cannot be read", missing);
    }
    Map<String, String> read = new TreeMap<>();
    properties.forEach((key, value) -> read.put((String) key, (String) value));
    return read;
  }
}
