package org.foiflow.publicrequest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.foiflow.casefile.DuplicateRequestException;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.Jurisdiction;
import org.foiflow.casefile.Language;
import org.foiflow.clock.CaseClock;
import org.foiflow.drafting.AuthorityProfile;
import org.foiflow.drafting.LetterFormats;
import org.foiflow.intake.NewRequests;
import org.foiflow.intake.RequestStatus;
import org.foiflow.intake.RequestStatusQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public request form, /request without sign-in (GOV.UK Design System pages, templates/public/). A valid
 * submission is logged exactly as POST /api/requests logs one ({@link NewRequests}), channel WEB, received today;
 * the case's start emails the acknowledgement. The answer is a redirect (Post/Redirect/Get) to a confirmation page
 * whose link carries the reference signed ({@link Seal}) and expiring, so only the submitter's browser can show it
 * and nobody can walk through the cases by editing it.
 *
 * <p>Before anything else, a submission must carry the CSRF token (Spring Security's cookie token, the same one the
 * staff pages use: it needs no session, so an anonymous visitor leaves nothing on the server), stay within its client
 * address's allowance ({@link SubmissionLimit}, else 429), and pass the bot trap: the honeypot field empty and the
 * form's signed timestamp at least foiflow.public-form.minimum-fill-time old. A trapped submission gets a neutral
 * "could not accept" page with 400 rather than a fake confirmation: a person caught by mistake (a password manager
 * filling the hidden field) is told and can send again, and a bot learns nothing it could not learn anyway. Nothing
 * personal is logged: neither what was typed nor the client address.
 *
 * <p>Every page is in English or, with {@code ?lang=cy}, in Welsh ({@link PublicFormWording}; not in Scotland): one
 * address for both, so the defences above are the same code in either language, and the language toggle at the top
 * of each page is a link to the same page in the other language. The form asks which language to write in (English or
 * Cymraeg, the page's language chosen until the person changes it), and that answer is the case's {@code language}.
 */
@Controller
public class PublicRequestForm {

  public static final String PATH = "/request";
  static final String SENT = PATH + "/sent";
  static final String HONEYPOT = "website";
  static final String STAMP = "formStamp";
  private static final Duration CONFIRMATION_SHOWN_FOR = Duration.ofHours(1);
  private static final Logger LOG = LoggerFactory.getLogger(PublicRequestForm.class);

  private final NewRequests newRequests;
  private final RequestStatusQuery statusQuery;
  private final RequestFormProblems formProblems;
  private final SubmissionLimit limit;
  private final Seal seal;
  private final CaseClock caseClock;
  private final AuthorityProfile authority;
  private final PublicFormSettings settings;
  private final Jurisdiction jurisdiction;
  private final PublicFormWording wording;

  public PublicRequestForm(NewRequests newRequests, RequestStatusQuery statusQuery,
                           RequestFormProblems formProblems, SubmissionLimit limit, Seal seal, CaseClock caseClock,
                           AuthorityProfile authority, PublicFormSettings settings, Jurisdiction jurisdiction,
                           PublicFormWording wording) {
    this.wording = wording;
    this.newRequests = newRequests;
    this.statusQuery = statusQuery;
    this.formProblems = formProblems;
    this.limit = limit;
    this.seal = seal;
    this.caseClock = caseClock;
    this.authority = authority;
    this.settings = settings;
    this.jurisdiction = jurisdiction;
  }

  @GetMapping(PATH)
  public ModelAndView form(@RequestParam(name = PublicFormWording.LANG, required = false) String lang) {
    return formPage(wording.pageLanguage(lang), RequestFormAnswers.empty(), Map.of(), false, HttpStatus.OK);
  }

  @PostMapping(PATH)
  public ModelAndView submit(@ModelAttribute RequestFormAnswers answers,
                             @RequestParam(name = HONEYPOT, required = false) String honeypot,
                             @RequestParam(name = STAMP, required = false) String stamp,
                             @RequestParam(name = PublicFormWording.LANG, required = false) String lang,
                             HttpServletRequest request, HttpServletResponse response) {
    Language language = wording.pageLanguage(lang);
    if (!limit.allows(request.getRemoteAddr())) {
      LOG.info("Public request form: a submission was refused, over the limit of {} an hour",
          settings.submissionsPerHour());
      response.setHeader("Retry-After", String.valueOf(Duration.ofHours(1).toSeconds() / settings.submissionsPerHour()));
      return page(language, "public/too-many", HttpStatus.TOO_MANY_REQUESTS)
          .addObject("perHour", settings.submissionsPerHour());
    }
    Optional<String> trapped = trapped(honeypot, stamp);
    if (trapped.isPresent()) {
      LOG.info("Public request form: a submission was refused by the bot trap ({})", trapped.get());
      return page(language, "public/not-accepted", HttpStatus.BAD_REQUEST);
    }
    Map<String, String> problems = formProblems.of(answers, caseClock.today(), wording.in(language));
    if (!problems.isEmpty()) {
      return formPage(language, answers, problems, false, HttpStatus.BAD_REQUEST);
    }
    RequestStatus logged;
    try {
      logged = statusQuery.byProcessInstance(newRequests.log(answers.asNewRequest(jurisdiction), Map.of()).getId());
    } catch (DuplicateRequestException duplicate) {
      return formPage(language, answers, Map.of(), true, HttpStatus.CONFLICT);
    } catch (InvalidRequestException invalid) {
      // the form checks the intake's rules first, so this is a rule added to the intake since: still say what is wrong
      return formPage(language, answers, Map.of("request", wording.in(language).get("problem.request.notAccepted")),
          false, HttpStatus.BAD_REQUEST);
    }
    LOG.info("Public request form: logged {}", logged.reference());
    Instant until = caseClock.asJavaClock().instant().plus(CONFIRMATION_SHOWN_FOR);
    return new ModelAndView("redirect:" + SENT + "?ticket=" + seal.sign(logged.reference() + "|" + until.toEpochMilli())
        + (language == Language.CY ? "&" + PublicFormWording.LANG + "=cy" : ""));
  }

  @GetMapping(SENT)
  public ModelAndView sent(@RequestParam(required = false) String ticket,
                           @RequestParam(name = PublicFormWording.LANG, required = false) String lang) {
    Language language = wording.pageLanguage(lang);
    Optional<RequestStatus> status = seal.open(ticket)
        .filter(value -> value.indexOf('|') > 0)
        .filter(value -> Instant.ofEpochMilli(Long.parseLong(value.substring(value.indexOf('|') + 1)))
            .isAfter(caseClock.asJavaClock().instant()))
        .flatMap(value -> statusQuery.byReference(value.substring(0, value.indexOf('|'))));
    if (status.isEmpty()) {
      return page(language, "public/sent-gone", HttpStatus.NOT_FOUND);
    }
    return page(language, "public/request-sent", HttpStatus.OK)
        .addObject("otherLanguagePage", SENT + "?ticket=" + ticket
            + (language == Language.CY ? "" : "&" + PublicFormWording.LANG + "=cy"))
        .addObject("reference", status.get().reference())
        .addObject("dueOn", LetterFormats.of(language).date(LocalDate.parse(status.get().dueOn())));
  }

  /** Why a submission looks like a bot's, if it does. */
  private Optional<String> trapped(String honeypot, String stamp) {
    if (honeypot != null && !honeypot.isEmpty()) {
      return Optional.of("hidden field filled in");
    }
    Optional<Instant> givenOut = seal.open(stamp).filter(value -> value.matches("form\\|\\d{1,19}"))
        .map(value -> Instant.ofEpochMilli(Long.parseLong(value.substring("form|".length()))));
    if (givenOut.isEmpty()) {
      return Optional.of("no valid form timestamp");
    }
    if (givenOut.get().plus(settings.minimumFillTime()).isAfter(caseClock.asJavaClock().instant())) {
      return Optional.of("sent too soon after the form was given out");
    }
    return Optional.empty();
  }

  private ModelAndView formPage(Language language, RequestFormAnswers answers, Map<String, String> problems,
                                boolean duplicate, HttpStatus status) {
    return page(language, "public/request-form", status)
        .addObject("formAction", pathIn(language, PATH))
        .addObject("askLanguage", wording.welshOffered())
        .addObject("letterLanguage", answers.language() == null || answers.language().isBlank()
            ? language.code() : answers.language())
        .addObject("answers", answers)
        .addObject("problems", problems)
        .addObject("duplicate", duplicate)
        .addObject("honeypot", HONEYPOT)
        .addObject("stampField", STAMP)
        .addObject("stamp", seal.sign("form|" + caseClock.asJavaClock().instant().toEpochMilli()))
        .addObject("maxRequest", 20_000);
  }

  private ModelAndView page(Language language, String template, HttpStatus status) {
    return page(new ModelAndView(template, status), language, wording, authority);
  }

  /** A public page's model: its words, its language, the way back to the form, the link to the other language. */
  static ModelAndView page(ModelAndView page, Language language, PublicFormWording wording, AuthorityProfile authority) {
    page.addObject("w", wording.in(language));
    page.addObject("welsh", language == Language.CY);
    page.addObject("welshOffered", wording.welshOffered());
    page.addObject("otherLanguagePage", pathIn(language == Language.CY ? Language.EN : Language.CY, PATH));
    page.addObject("authority", authority.name());
    page.addObject("authorityEmail", authority.email());
    page.addObject("formPath", pathIn(language, PATH));
    return page;
  }

  /** {@code path} in {@code language}: "/request", "/request?lang=cy". */
  static String pathIn(Language language, String path) {
    return language == Language.CY ? path + "?" + PublicFormWording.LANG + "=cy" : path;
  }
}
