package org.foiflow.drafting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.foiflow.casefile.ClockSettings;
import org.foiflow.casefile.Language;
import org.foiflow.casefile.UserText;
import org.jsoup.Jsoup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Drafts the letters of a case from the templates in the letters folder: HTML (email body, filed copy), plain
 * text, and Markdown (what the approver sees rendered and an officer may edit), all from one rendering so they say
 * the same thing.
 * The PDF is not drafted here: {@link PdfCopies} renders it from the filed HTML when it is needed.
 */
@Component
public class LetterDrafter {

  /** The template that lays out an officer's edited text. */
  static final String EDITED_TEMPLATE = "edited-letter";

  private final AuthorityProfile authority;
  private final LetterTemplates templates;
  private final LetterSettings.WelshLetters welsh;
  private final Supplier<LocalDate> today;

  /** In the application: the letter date is the engine's today, so tests that move the engine's clock move it. */
  @Autowired
  public LetterDrafter(AuthorityProfile authority, LetterTemplates templates, LetterSettings settings,
                       ClockSettings clock) {
    this(authority, templates, settings.welsh(),
        () -> LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), clock.zone()));
  }

  /** Outside Spring (tests, tools): letters dated by the given clock. */
  public LetterDrafter(AuthorityProfile authority, LetterSettings settings, Clock clock) {
    this(authority, new LetterTemplates(settings != null ? settings : LetterSettings.defaults(),
        new DefaultResourceLoader()), (settings != null ? settings : LetterSettings.defaults()).welsh(),
        () -> LocalDate.now(clock));
  }

  private LetterDrafter(AuthorityProfile authority, LetterTemplates templates, LetterSettings.WelshLetters welsh,
                        Supplier<LocalDate> today) {
    this.authority = Objects.requireNonNull(authority, "authority");
    this.templates = Objects.requireNonNull(templates, "templates");
    this.welsh = welsh;
    this.today = today;
  }

  /**
   * One language's version of a letter: the templates of a {@code folder} of the letters folder ("" for the UK's
   * English letters, "scotland/" for FOISA and the EISR, "cy/" for Welsh), in {@code language}.
   */
  public record Edition(String folder, Language language) {

    static final Edition ENGLISH = new Edition("", Language.EN);
    static final Edition SCOTTISH = new Edition("scotland/", Language.EN);
    static final Edition WELSH = new Edition("cy/", Language.CY);
  }

  /**
   * The versions of the case's letters, in the order they are printed: the Scottish edition for a case under FOISA
   * or the EISR; for a Welsh requester the Welsh one, then the English one when letters are bilingual
   * ({@code foiflow.letters.welsh}); otherwise the English one.
   */
  public List<Edition> editions(CaseLetter data) {
    if (data.scottish()) {
      return List.of(Edition.SCOTTISH);
    }
    if (data.welsh()) {
      return welsh == LetterSettings.WelshLetters.WELSH ? List.of(Edition.WELSH) : List.of(Edition.WELSH, Edition.ENGLISH);
    }
    return List.of(Edition.ENGLISH);
  }

  /**
   * The template of {@code name} in the edition's folder, or the UK English one when that folder has none (a
   * letter not yet translated is sent in English rather than not at all).
   */
  public String template(Edition edition, String name) {
    String own = edition.folder() + name;
    return edition.folder().isEmpty() || templates.exists(own) ? own : name;
  }

  /** The language a template of {@link #template} is written in: the edition's, unless it fell back to English. */
  private static Language languageOf(Edition edition, String template) {
    return template.startsWith(edition.folder()) ? edition.language() : Language.EN;
  }

  /** Drafts a letter of the given type for the case. */
  public DraftedLetter draft(LetterType type, CaseLetter data) {
    return draft(type, data, LetterEnclosures.NONE);
  }

  /** Drafts a letter of the given type with what goes with it: the released documents and the redaction schedule. */
  public DraftedLetter draft(LetterType type, CaseLetter data, LetterEnclosures enclosures) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    Map<String, Object> model = model(data);
    model.put("type", type);
    model.put("enclosures", enclosures != null ? enclosures : LetterEnclosures.NONE);
    return produce(data, type.templateName(), model, null);
  }

  /**
   * A letter of the case to someone other than the requester (a consulted third party): the template
   * {@code templateName} with the case and what the letter is about ({@code about}, under the name "about"). Its
   * template lays out its own addressee: the layout's opening and closing address the requester.
   */
  public DraftedLetter draftToOthers(String templateName, CaseLetter data, Map<String, Object> about) {
    Objects.requireNonNull(templateName, "templateName");
    Objects.requireNonNull(data, "data");
    Map<String, Object> model = model(data);
    model.put("about", about == null ? Map.of() : about);
    return produce(data, templateName, model, null);
  }

  /**
   * The letter as an officer edited its plain text: the edited text is what goes out, laid out on the
   * letterhead (blank lines separate paragraphs; underlined lines are headings; "- " lines are lists).
   */
  public DraftedLetter fromEditedText(CaseLetter data, String editedText) {
    Objects.requireNonNull(data, "data");
    String text = EditedText.normalise(UserText.normalise(editedText));
    Map<String, Object> model = model(data);
    model.put("blocks", EditedText.blocks(text));
    return produce(editedEdition(data), EDITED_TEMPLATE, model, text);
  }

  /**
   * The letter as an officer edited its Markdown ({@link LetterMarkdown}): headings, paragraphs, lists, quotes and
   * bold stay what they were, on the letterhead; its Markdown is written again from the letter, so the approver
   * next sees what goes out.
   */
  public DraftedLetter fromEditedMarkdown(CaseLetter data, String editedMarkdown) {
    Objects.requireNonNull(data, "data");
    Map<String, Object> model = model(data);
    model.put("body", LetterMarkdown.bodyHtml(UserText.normalise(editedMarkdown)));
    return produce(editedEdition(data), EDITED_TEMPLATE, model, null);
  }

  /** Where the templates are read from (after the fallback to the packaged ones). */
  public String templatesLocation() {
    return templates.location();
  }

  /** What the letters' relative links (images, fonts) resolve against: the templates' folder. */
  String baseUri() {
    return templates.baseUri();
  }

  private Map<String, Object> model(CaseLetter data) {
    LocalDate date = today.get();
    Map<String, Object> model = new HashMap<>();
    model.put("letter", data);
    model.put("authority", authority);
    model.put("fmt", LetterFormats.INSTANCE);
    model.put("letterDate", date);
    model.put("today", LetterFormats.INSTANCE.date(date));
    model.put("eir", data.eir());
    model.put("law", data.law());
    model.put("ncnd", data.ncnd());
    model.put("exemptions", ExemptionReasons.of(data));
    model.put("request", LetterFormats.INSTANCE.paragraphs(data.requestToAnswer()));
    model.put("enclosures", LetterEnclosures.NONE);
    return model;
  }

  /** An edited letter is one text, laid out on the letterhead of its first edition (Welsh for a Welsh requester). */
  private Edition editedEdition(CaseLetter data) {
    return editions(data).get(0);
  }

  /** One edition's version of the letter, in the edition's language (dates, and the exemptions cited in Welsh). */
  private String renderVersion(Edition edition, String templateName, Map<String, Object> model) {
    String template = template(edition, templateName);
    Map<String, Object> inLanguage = new HashMap<>(model);
    LetterFormats formats = LetterFormats.of(languageOf(edition, template));
    inLanguage.put("fmt", formats);
    inLanguage.put("today", formats.date((LocalDate) model.get("letterDate")));
    if (formats == LetterFormats.WELSH && model.get("exemptions") instanceof List<?> reasons) {
      // the Welsh letter cites and explains each exemption in Welsh: the catalogue's wording is English
      inLanguage.put("exemptions", WelshExemptionReasons.of(reasons.stream()
          .map(ExemptionReasons.class::cast).toList()));
    }
    // Values on the case were normalised when they came in; older ones, or a bean's, may not have been, and
    // a control character has no place in a letter, its email or its PDF
    return UserText.normalise(templates.render(template, inLanguage));
  }

  /**
   * A letter written as plain text in each of the case's editions ({@code texts} in the order of
   * {@link #editions}: a bilingual review letter is its Welsh text, then its English one), each laid out on its
   * edition's letterhead and the later ones on a new page, as {@link #fromEditedText} lays out one.
   */
  public DraftedLetter fromEditedTexts(CaseLetter data, List<String> texts) {
    Objects.requireNonNull(data, "data");
    List<Edition> editions = editions(data);
    if (texts == null || texts.size() != editions.size()) {
      throw new IllegalArgumentException("one text per edition of the letter expected: " + editions);
    }
    String html = null;
    List<String> plain = new java.util.ArrayList<>();
    for (int i = 0; i < editions.size(); i++) {
      String text = EditedText.normalise(UserText.normalise(texts.get(i)));
      plain.add(text);
      Map<String, Object> model = model(data);
      model.put("blocks", EditedText.blocks(text));
      String version = renderVersion(editions.get(i), EDITED_TEMPLATE, model);
      html = html == null ? version : LanguageVersions.append(html, version);
    }
    return new DraftedLetter(html, String.join("\n\n", plain), LetterMarkdown.of(html));
  }

  private DraftedLetter produce(CaseLetter data, String templateName, Map<String, Object> model, String fixedText) {
    return produce(editions(data), templateName, model, fixedText);
  }

  private DraftedLetter produce(Edition edition, String templateName, Map<String, Object> model, String fixedText) {
    return produce(List.of(edition), templateName, model, fixedText);
  }

  /**
   * The letter in each edition, one after the other (a bilingual letter: the Welsh, then on a new page the English,
   * each with its own opening and sign-off under the one letterhead).
   */
  private DraftedLetter produce(List<Edition> editions, String templateName, Map<String, Object> model,
                                String fixedText) {
    String html = null;
    for (Edition edition : editions) {
      String version = renderVersion(edition, templateName, model);
      html = html == null ? version : LanguageVersions.append(html, version);
    }
    // read once: the plain text and the Markdown both come from this parse
    org.jsoup.nodes.Document parsed = Jsoup.parse(html);
    String text = fixedText != null ? fixedText : PlainText.of(Xhtml.of(parsed));
    return new DraftedLetter(html, text, LetterMarkdown.of(parsed));
  }
}
