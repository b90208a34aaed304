package org.foiflow.review;

import static org.foiflow.casefile.CaseVariable.REGIME;
import static org.foiflow.casefile.CaseVariable.RESPONDED_ON;
import static org.foiflow.review.ReviewVariable.LATE_DECISION_REASON;
import static org.foiflow.review.ReviewVariable.RELEASED_INFORMATION;
import static org.foiflow.review.ReviewVariable.REVIEW_DUE_ON;
import static org.foiflow.review.ReviewVariable.REVIEW_EXTENDED;
import static org.foiflow.review.ReviewVariable.REVIEW_EXTENSION_REASON;
import static org.foiflow.review.ReviewVariable.REVIEW_FINDINGS;
import static org.foiflow.review.ReviewVariable.REVIEW_OUTCOME;
import static org.foiflow.review.ReviewVariable.REVIEW_RECEIVED_ON;
import static org.foiflow.review.ReviewVariable.REVISED_OUTCOME;
import static org.foiflow.review.ReviewVariable.STILL_WITHHELD;
import static org.foiflow.review.ReviewVariable.WORKING_DAYS_SINCE_RESPONSE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.Regime;
import org.foiflow.clock.CaseClock;
import org.foiflow.correspondence.CaseLetters;
import org.foiflow.correspondence.Correspondence;
import org.foiflow.drafting.AuthorityProfile;
import org.foiflow.drafting.CaseLetter;
import org.foiflow.drafting.DraftedLetter;
import org.foiflow.drafting.LetterDrafter;
import org.foiflow.drafting.LetterFormats;
import org.foiflow.drafting.LetterTemplates;
import org.springframework.stereotype.Component;

/**
 * The letters of an internal review: outcome, extension and a declined late request, from the text template
 * letters/internal-review.txt, which the FOI team edits like the other letters. The template writes the
 * letter's plain text in the layout officers edit ("Revise draft response"), and {@link LetterDrafter}
 * lays that text out on the letterhead as HTML, so the review letters look like every other letter (their PDF
 * is rendered from that HTML for the email, after the step, like every other letter's).
 */
@Component
public class ReviewLetters {

  public static final String TEMPLATE = "internal-review.txt";

  /** Which letter: the kind chooses the template's section, the type names the filed letter. */
  public enum Kind {
    OUTCOME("INTERNAL_REVIEW_OUTCOME", "outcome of your internal review"),
    EXTENSION("INTERNAL_REVIEW_EXTENSION", "your internal review needs more time"),
    LATE_DECLINED("INTERNAL_REVIEW_LATE", "your request for an internal review");

    private final String type;
    private final String subject;

    Kind(String type, String subject) {
      this.type = type;
      this.subject = subject;
    }

    public String type() {
      return type;
    }
  }


  private final LetterDrafter drafter;
  private final LetterTemplates templates;
  private final AuthorityProfile authority;
  private final Correspondence correspondence;
  private final CaseClock caseClock;

  public ReviewLetters(LetterDrafter drafter, LetterTemplates templates, AuthorityProfile authority,
                       Correspondence correspondence, CaseClock caseClock) {
    this.drafter = drafter;
    this.templates = templates;
    this.caseClock = caseClock;
    this.authority = authority;
    this.correspondence = correspondence;
  }

  /**
   * Drafts the letter from the review's variables (which carry the original case's), in each edition of the case's
   * letters: for a Welsh requester the Welsh text (cy/internal-review.txt, dates in Welsh), then, when letters are
   * bilingual, the English one on a new page.
   */
  public DraftedLetter draft(VariableScope review, Kind kind) {
    Map<String, Object> variables = review.getVariables();
    CaseLetter letter = CaseLetter.from(variables);
    CaseFile file = CaseFile.of(review);
    List<String> texts = new ArrayList<>();
    for (LetterDrafter.Edition edition : drafter.editions(letter)) {
      String template = drafter.template(edition, TEMPLATE);
      // a template missing from the edition's folder falls back to the English one, with English dates
      LetterFormats formats = template.startsWith(edition.folder())
          ? LetterFormats.of(edition.language()) : LetterFormats.INSTANCE;
      Map<String, Object> model = new HashMap<>();
      model.put("letter", letter);
      model.put("authority", authority);
      model.put("today", formats.date(caseClock.today()));
      model.put("eir", letter.eir());
      model.put("kind", kind.name());
      model.put("addressLines", addressLines(letter.requesterAddress()));
      model.put("review", facts(file, formats, caseClock.today()));
      texts.add(templates.render(template, model));
    }
    return texts.size() == 1 ? drafter.fromEditedText(letter, texts.get(0)) : drafter.fromEditedTexts(letter, texts);
  }

  /** The letter as the reviewer edited its text, laid out on the letterhead. */
  public DraftedLetter fromEditedText(VariableScope review, String editedText) {
    return drafter.fromEditedText(CaseLetter.from(review.getVariables()), editedText);
  }

  /** Files the letter with the review (an HTML file variable, listed in "letters") and returns its id. */
  public String file(VariableScope review, Kind kind, DraftedLetter letter) {
    return CaseLetters.file(review, kind.type(), letter);
  }

  /** Sends a filed letter to the requester (email with the PDF, or marked for post). */
  public String send(VariableScope review, String letterId, Kind kind) {
    return correspondence.send(review, letterId, kind.subject);
  }

  public String draftFileAndSend(VariableScope review, Kind kind) {
    String id = file(review, kind, draft(review, kind));
    send(review, id, kind);
    return id;
  }

  /** What the template says about the review itself, dates already written out. */
  public record Facts(String receivedOn, String respondedOn, int workingDaysSinceResponse, String dueOn,
                      boolean extended, String outcome, String revisedOutcome, List<String> findings,
                      List<String> released, List<String> stillWithheld, List<String> extensionReason,
                      List<String> lateDecisionReason, LocalDate sicDeadlineOn, String sicDeadline,
                      String statutoryOutcome) {
  }

  /**
   * The review's facts on the day its letter is drafted ({@code today}, the letter's date), with their dates written
   * in the letter's language ("22 Ionawr 2026" in a Welsh letter). For a Scottish review (FOISA, EISR) sicDeadline
   * is the last day to apply to the Scottish Information Commissioner, six months after this letter (s.47(4)(b)),
   * and statutoryOutcome what the review decided in the words of s.21(4); both null in the UK.
   */
  static Facts facts(CaseFile review, LetterFormats formats, LocalDate today) {
    java.util.function.Function<LocalDate, String> date = formats::date;
    Regime regime = Regime.parse(review.text(REGIME));
    boolean scottish = regime != null && regime.scottish();
    LocalDate sicDeadlineOn = scottish ? StatutoryReview.applyToCommissionerBy(today) : null;
    Object since = review.text(WORKING_DAYS_SINCE_RESPONSE);
    return new Facts(date.apply(review.date(REVIEW_RECEIVED_ON)), date.apply(review.date(RESPONDED_ON)),
        since == null ? 0 : Integer.parseInt(since.toString()), date.apply(review.date(REVIEW_DUE_ON)),
        review.flag(REVIEW_EXTENDED), review.text(REVIEW_OUTCOME), review.text(REVISED_OUTCOME),
        paragraphs(review.text(REVIEW_FINDINGS)), paragraphs(review.text(RELEASED_INFORMATION)),
        paragraphs(review.text(STILL_WITHHELD)), paragraphs(review.text(REVIEW_EXTENSION_REASON)),
        paragraphs(review.text(LATE_DECISION_REASON)), sicDeadlineOn, sicDeadlineOn == null ? null : date.apply(sicDeadlineOn),
        scottish ? InternalReview.statutoryOutcome(regime, review.text(REVIEW_OUTCOME), review.date(RESPONDED_ON) != null)
            : null);
  }

  /** Free text as paragraphs, each on one line, so a typed line break cannot turn into a heading or a list. */
  static List<String> paragraphs(String text) {
    List<String> paragraphs = new ArrayList<>();
    if (text != null) {
      for (String paragraph : text.replace("\r\n", "\n").split("\\n\\s*\\n")) {
        String joined = paragraph.strip().replaceAll("\\s*\\n\\s*", " ");
        if (!joined.isEmpty()) {
          paragraphs.add(joined);
        }
      }
    }
    return paragraphs;
  }

  static List<String> addressLines(String address) {
    if (address == null) {
      return List.of();
    }
    return Arrays.stream(address.split("[\\n,]")).map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
