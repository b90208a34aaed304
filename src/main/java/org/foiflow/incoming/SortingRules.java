package org.foiflow.incoming;

import static org.foiflow.mailbox.CorrespondenceVariable.CASE_REFERENCE;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_FROM;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_ID;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_KIND;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_RECEIVED_ON;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_SUBJECT;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_TEXT;
import static org.foiflow.mailbox.CorrespondenceVariable.FILE_TO_REFERENCE;
import static org.foiflow.mailbox.CorrespondenceVariable.LANGUAGE;
import static org.foiflow.mailbox.CorrespondenceVariable.REGIME;
import static org.foiflow.mailbox.CorrespondenceVariable.REQUESTER_ADDRESS;
import static org.foiflow.mailbox.CorrespondenceVariable.REQUESTER_EMAIL;
import static org.foiflow.mailbox.CorrespondenceVariable.REQUESTER_NAME;
import static org.foiflow.mailbox.CorrespondenceVariable.REQUEST_TEXT;
import static org.foiflow.mailbox.CorrespondenceVariable.REVIEW_GROUNDS;
import static org.foiflow.mailbox.CorrespondenceVariable.SORTED_AS;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.Jurisdiction;
import org.foiflow.casefile.Language;
import org.foiflow.casefile.TaskActor;
import org.foiflow.clock.CaseClock;
import org.foiflow.intake.RequestRules;
import org.foiflow.intake.RequestStatusQuery;
import org.foiflow.review.ReviewRequests;
import org.foiflow.security.OnBehalfOfUser;
import org.springframework.stereotype.Component;

/**
 * The rules of "Sort correspondence" and "New correspondence", whatever route completes them (Tasklist, the engine's
 * API, Java): a choice the task allows; a new request loggable by intake's {@link RequestRules}; a case to file to
 * that exists; an internal review only of a case that has had its response. A refusal names each field and leaves
 * the task open. When a task is created its fields are filled from the message, so the officer mostly confirms:
 * among them the language of our letters ({@code language}), Welsh when the message reads as Welsh
 * ({@link #languageOf}).
 */
@Component("sortingRules")
public class SortingRules implements TaskListener {

  /** intake's field names, as this process's forms name them. */
  private static final Map<String, String> REQUEST_FIELDS = Map.of(
      "requester.name", REQUESTER_NAME.key(), "requester.email", REQUESTER_EMAIL.key(),
      "request", REQUEST_TEXT.key(), "receivedOn", CORRESPONDENCE_RECEIVED_ON.key());

  /**
   * Common Welsh words that are not English words too: greetings and sign-offs (annwyl, diolch, cofion, yn gywir), the
   * words of a request (cais, gwybodaeth, hoffwn, rhyddid, deddf, os gwelwch yn dda) and everyday ones (yn, yr, mae,
   * eich, gyda, ar gyfer).
   */
  private static final Set<String> WELSH_WORDS = Set.of(
      "annwyl", "diolch", "cofion", "gywir", "cais", "ceisiadau", "gwybodaeth", "hoffwn", "hoffem", "rhyddid", "deddf",
      "gwelwch", "dda", "yn", "yr", "mae", "maen", "eich", "ein", "gyda", "gyfer", "ynghylch", "ynglŷn", "ynglyn",
      "wedi", "ydych", "ydw", "sydd", "hefyd", "neu", "gan", "rhwng", "ystod", "flwyddyn", "blwyddyn", "cyngor",
      "copi", "faint", "pryd", "ble", "beth", "gael", "cael", "ateb", "ymateb", "nid", "oes", "hyn", "hwn", "hon",
      "ddim", "bod", "fod", "dros", "ynghyd", "ymlaen", "penodol", "manylion", "cyfnod");
  /** At least this many different Welsh words, making at least this share of the message's words. */
  private static final int WELSH_WORDS_NEEDED = 3;
  private static final double WELSH_SHARE_NEEDED = 0.15;

  private final CorrespondenceRecords records;
  private final CaseClock caseClock;
  private final RequestStatusQuery statusQuery;
  private final ReviewRequests reviewRequests;
  private final OnBehalfOfUser onBehalfOfUser;
  private final Jurisdiction jurisdiction;

  public SortingRules(CorrespondenceRecords records, CaseClock caseClock, RequestStatusQuery statusQuery,
                      ReviewRequests reviewRequests, OnBehalfOfUser onBehalfOfUser, Jurisdiction jurisdiction) {
    this.jurisdiction = jurisdiction;
    this.records = records;
    this.caseClock = caseClock;
    this.statusQuery = statusQuery;
    this.reviewRequests = reviewRequests;
    this.onBehalfOfUser = onBehalfOfUser;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseFile file = CaseFile.of(task);
    boolean sorting = IncomingCorrespondence.SORT_CORRESPONDENCE.equals(task.getTaskDefinitionKey());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      if (sorting) {
        // the holding pen's tasks are told apart by what each message is about
        String subject = text(file, CORRESPONDENCE_SUBJECT);
        task.setName(task.getName() + " – " + (subject == null || subject.isEmpty()
            ? "(no subject) from " + text(file, CORRESPONDENCE_FROM) : subject));
        prefillNewRequest(file);
      } else {
        file.put(REVIEW_GROUNDS, text(file, CORRESPONDENCE_TEXT));
      }
      return;
    }
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      Map<String, String> problems = sorting ? sortingProblems(file) : newCorrespondenceProblems(file);
      if (!problems.isEmpty()) {
        throw new CaseDataInvalidException(task.getName(), problems);
      }
      // the history and the message say who sorted it, whichever route it came by
      String actor = TaskActor.of(task);
      if (task.getAssignee() == null && actor != null) {
        task.setAssignee(actor);
      }
      if (sorting) {
        records.sortedBy(file.text(CORRESPONDENCE_ID), actor != null ? actor : task.getAssignee());
      }
    }
  }

  /**
   * The sender's name, the exact address replies go to, the message's text, FOIA (FOISA) until the officer says EIR,
   * and Welsh letters when the message reads as Welsh (in a UK installation: Scotland's letters are in English).
   */
  private void prefillNewRequest(CaseFile file) {
    records.find(file.text(CORRESPONDENCE_ID)).ifPresent(message -> {
      file.put(REQUESTER_NAME, message.fromName() == null || message.fromName().isBlank()
          ? message.fromAddress() : message.fromName().strip());
      file.put(REQUESTER_EMAIL, message.answerTo());
    });
    file.put(REQUEST_TEXT, text(file, CORRESPONDENCE_TEXT));
    file.put(REGIME, jurisdiction.defaultRegime().name());
    file.put(LANGUAGE, jurisdiction == Jurisdiction.UK
        ? languageOf(java.util.Objects.toString(text(file, CORRESPONDENCE_SUBJECT), "") + "\n"
            + java.util.Objects.toString(text(file, CORRESPONDENCE_TEXT), "")).code()
        : Language.EN.code());
  }

  /**
   * The language a message reads as: Welsh when at least {@value #WELSH_WORDS_NEEDED} different common Welsh words
   * ({@link #WELSH_WORDS}) make at least 15% of its words, else English. A guess for the officer to check, not a
   * translation: a Welsh sentence in an English message stays English, a message in Welsh with an English signature
   * is Welsh, and a bilingual message (Welsh first or not) is Welsh when its Welsh half is long enough.
   */
  static Language languageOf(String message) {
    if (message == null || message.isBlank()) {
      return Language.EN;
    }
    List<String> words = Arrays.stream(message.toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("[^\\p{L}']+"))
        .map(word -> word.replaceAll("^'+|'+$", ""))
        .filter(word -> !word.isEmpty()).toList();
    List<String> welsh = words.stream().filter(WELSH_WORDS::contains).toList();
    long different = welsh.stream().collect(Collectors.toSet()).size();
    return different >= WELSH_WORDS_NEEDED && welsh.size() >= WELSH_SHARE_NEEDED * words.size()
        ? Language.CY : Language.EN;
  }

  Map<String, String> sortingProblems(CaseFile file) {
    Map<String, String> problems = new LinkedHashMap<>();
    String sortedAs = file.text(SORTED_AS);
    if (!choice(sortedAs, IncomingCorrespondence.SORTINGS, SORTED_AS.key(), problems)) {
      return problems;
    }
    switch (sortedAs) {
      case IncomingCorrespondence.NEW_REQUEST -> {
        RequestRules.violations(file.text(REQUESTER_NAME), file.text(REQUESTER_EMAIL), file.text(REQUESTER_ADDRESS),
                file.text(REQUEST_TEXT), file.date(CORRESPONDENCE_RECEIVED_ON), caseClock.today())
            .forEach((field, problem) -> problems.put(REQUEST_FIELDS.getOrDefault(field, field), problem));
        RequestRules.lawViolations(jurisdiction, file.text(REGIME), file.text(LANGUAGE))
            .forEach(problems::put);
      }
      case IncomingCorrespondence.FILE_TO_CASE -> {
        String given = file.text(FILE_TO_REFERENCE);
        String reference = given == null ? null : given.strip().toUpperCase(Locale.UK);
        if (reference == null || reference.isEmpty()) {
          problems.put(FILE_TO_REFERENCE.key(), "is required: the reference of the case to file it to, e.g. FOI-2026-00042");
        } else if (onBehalfOfUser.act(() -> statusQuery.byReference(reference)).isEmpty()) {
          problems.put(FILE_TO_REFERENCE.key(), "no FOI request has the reference " + reference);
        } else {
          file.put(FILE_TO_REFERENCE, reference);
          file.put(CASE_REFERENCE, reference);
        }
      }
      default -> {
        // not a request: a note is optional
      }
    }
    return problems;
  }

  Map<String, String> newCorrespondenceProblems(CaseFile file) {
    Map<String, String> problems = new LinkedHashMap<>();
    String kind = file.text(CORRESPONDENCE_KIND);
    if (!choice(kind, IncomingCorrespondence.KINDS, CORRESPONDENCE_KIND.key(), problems)) {
      return problems;
    }
    if (IncomingCorrespondence.INTERNAL_REVIEW_REQUEST.equals(kind)) {
      String reference = file.text(CASE_REFERENCE);
      // asked in this order so nothing is thrown inside the engine's nested command
      String refusal = onBehalfOfUser.act(() -> statusQuery.byReference(reference)).isEmpty()
          ? "no FOI request has the reference " + reference
          : onBehalfOfUser.act(() -> reviewRequests.refusal(reference));
      if (refusal != null) {
        problems.put(CORRESPONDENCE_KIND.key(), "cannot be an internal review request: " + refusal);
      }
      String grounds = file.text(REVIEW_GROUNDS);
      if (grounds == null || grounds.isBlank()) {
        problems.put(REVIEW_GROUNDS.key(), "is required: the requester's grounds for the review");
      }
    }
    return problems;
  }

  private static boolean choice(String given, List<String> allowed, String field, Map<String, String> problems) {
    if (given == null || given.isBlank()) {
      problems.put(field, "is required: choose one of " + String.join(", ", allowed));
      return false;
    }
    if (!allowed.contains(given)) {
      problems.put(field, "'" + given + "' is not one of " + String.join(", ", allowed));
      return false;
    }
    return true;
  }

  private static String text(CaseFile file, org.foiflow.casefile.ProcessVariable variable) {
    String text = file.text(variable);
    return text == null ? null : text.strip();
  }
}
