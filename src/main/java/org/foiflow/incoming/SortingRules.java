package org.foiflow.incoming;

import static org.foiflow.mailbox.CorrespondenceVariable.CASE_REFERENCE;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_FROM;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_ID;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_KIND;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_RECEIVED_ON;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_SUBJECT;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_TEXT;
import static org.foiflow.mailbox.CorrespondenceVariable.FILE_TO_REFERENCE;
import static org.foiflow.mailbox.CorrespondenceVariable.REGIME;
import static org.foiflow.mailbox.CorrespondenceVariable.REQUESTER_ADDRESS;
import static org.foiflow.mailbox.CorrespondenceVariable.REQUESTER_EMAIL;
import static org.foiflow.mailbox.CorrespondenceVariable.REQUESTER_NAME;
import static org.foiflow.mailbox.CorrespondenceVariable.REQUEST_TEXT;
import static org.foiflow.mailbox.CorrespondenceVariable.REVIEW_GROUNDS;
import static org.foiflow.mailbox.CorrespondenceVariable.SORTED_AS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.Jurisdiction;
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
 * the task open. When a task is created its fields are filled from the message, so the officer mostly confirms.
 */
@Component("sortingRules")
public class SortingRules implements TaskListener {

  /** intake's field names, as this process's forms name them. */
  private static final Map<String, String> REQUEST_FIELDS = Map.of(
      "requester.name", REQUESTER_NAME.key(), "requester.email", REQUESTER_EMAIL.key(),
      "request", REQUEST_TEXT.key(), "receivedOn", CORRESPONDENCE_RECEIVED_ON.key());

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

  /** The sender's name, the exact address replies go to, the message's text, FOIA (FOISA) until the officer says EIR. */
  private void prefillNewRequest(CaseFile file) {
    records.find(file.text(CORRESPONDENCE_ID)).ifPresent(message -> {
      file.put(REQUESTER_NAME, message.fromName() == null || message.fromName().isBlank()
          ? message.fromAddress() : message.fromName().strip());
      file.put(REQUESTER_EMAIL, message.answerTo());
    });
    file.put(REQUEST_TEXT, text(file, CORRESPONDENCE_TEXT));
    file.put(REGIME, jurisdiction.defaultRegime().name());
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
        RequestRules.lawViolations(jurisdiction, file.text(REGIME), null).forEach(problems::put);
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
