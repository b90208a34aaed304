package org.foiflow.intake;

import static org.foiflow.casefile.CaseVariable.CLARIFICATION_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.CLARIFICATION_REQUESTED_ON;
import static org.foiflow.casefile.CaseVariable.CLARIFIED_REQUEST;
import static org.foiflow.casefile.CaseVariable.FEES_NOTICE_GIVEN_ON;
import static org.foiflow.casefile.CaseVariable.FEE_PAID_POUNDS;
import static org.foiflow.casefile.CaseVariable.FEE_POUNDS;
import static org.foiflow.casefile.CaseVariable.FEE_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.REQUESTER_ANSWER;
import static org.foiflow.casefile.CaseVariable.WITHDRAWN_ON;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.casefile.GivenDates;
import org.foiflow.casefile.TaskActor;
import org.foiflow.clock.CaseClock;
import org.springframework.stereotype.Component;

/**
 * The rules for what an officer records while a case waits on the requester ("Awaiting clarification",
 * "Awaiting fee" in bpmn/foi-request.bpmn): the answer is one the task allows; the day it happened is a date,
 * not in the future and not before we wrote to the requester; a clarification has its text, a fee its amount
 * (no less than the fees notice asked for). A task listener, so Tasklist, the engine's API and foiflow's
 * {@link RequesterAnswers} endpoints all meet the same rules; a refusal names the field and leaves the task open.
 */
@Component("requesterAnswerRules")
public class RequesterAnswerRules implements TaskListener {

  public static final String AWAITING_CLARIFICATION = "AwaitingClarification";
  public static final String AWAITING_FEE = "AwaitingFee";
  public static final String CLARIFIED = "CLARIFIED";
  public static final String FEE_PAID = "FEE_PAID";
  public static final String WITHDRAWN = "WITHDRAWN";

  static final int CLARIFIED_REQUEST_MAX = 20000;

  /** The waiting task's follow-up date: a week before the request lapses, time to chase the requester. */
  private static final int REMINDER_DAYS = 7;

  private static final DateTimeFormatter UK_DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

  private final CaseClock caseClock;

  public RequesterAnswerRules(CaseClock caseClock) {
    this.caseClock = caseClock;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // a second round of clarification starts blank, not with the answer to the first
      CaseFile.of(task).remove(REQUESTER_ANSWER);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      Map<String, String> problems = check(task.getTaskDefinitionKey(), CaseFile.of(task));
      if (!problems.isEmpty()) {
        throw new CaseDataInvalidException(task.getName(), problems);
      }
      // the case history says who recorded the answer, whichever route it came by
      String actor = TaskActor.of(task);
      if (task.getAssignee() == null && actor != null) {
        task.setAssignee(actor);
      }
    }
  }

  /** Used by the model for the waiting tasks' follow-up date. */
  public Date reminderBefore(Date lapsesAt) {
    LocalDate lapses = LocalDate.ofInstant(lapsesAt.toInstant(), caseClock.zone());
    LocalDate reminder = lapses.minusDays(REMINDER_DAYS);
    return caseClock.startOf(reminder.isBefore(caseClock.today()) ? caseClock.today() : reminder);
  }

  /** The answers the waiting task allows. */
  public static List<String> answersFor(String taskDefinitionKey) {
    return AWAITING_FEE.equals(taskDefinitionKey) ? List.of(FEE_PAID, WITHDRAWN) : List.of(CLARIFIED, WITHDRAWN);
  }

  /**
   * Each broken rule by field; the days given are written back as YYYY-MM-DD, the form the clock steps read,
   * whether they were typed 14/05/2026 or 2026-05-14.
   */
  Map<String, String> check(String taskDefinitionKey, CaseFile file) {
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate today = caseClock.today();
    boolean clarification = AWAITING_CLARIFICATION.equals(taskDefinitionKey);
    LocalDate askedOn = file.date(clarification ? CLARIFICATION_REQUESTED_ON : FEES_NOTICE_GIVEN_ON);
    String answer = file.text(REQUESTER_ANSWER);
    List<String> allowed = answersFor(taskDefinitionKey);
    if (answer == null || answer.isBlank()) {
      problems.put(REQUESTER_ANSWER.key(), "is required: say what the requester did (" + String.join(" or ", allowed) + ")");
      return problems;
    }
    if (!allowed.contains(answer)) {
      problems.put(REQUESTER_ANSWER.key(), "'" + answer + "' is not one of " + String.join(", ", allowed));
      return problems;
    }
    switch (answer) {
      case CLARIFIED -> {
        day(file, CLARIFICATION_RECEIVED_ON, askedOn, today, problems);
        String text = file.text(CLARIFIED_REQUEST);
        if (text == null || text.isBlank()) {
          problems.put(CLARIFIED_REQUEST.key(), "is required: the request as the requester clarified it");
        } else if (text.length() > CLARIFIED_REQUEST_MAX) {
          problems.put(CLARIFIED_REQUEST.key(), "is longer than " + CLARIFIED_REQUEST_MAX + " characters");
        } else {
          file.put(CLARIFIED_REQUEST, text.strip());
        }
      }
      case FEE_PAID -> {
        day(file, FEE_RECEIVED_ON, askedOn, today, problems);
        amount(file, problems);
      }
      default -> day(file, WITHDRAWN_ON, askedOn, today, problems);
    }
    return problems;
  }

  /**
   * What is wrong with the day a requester's answer arrived, or null: the rule of {@link GivenDates} (not in the
   * future, not before 2000) and never before the day we wrote to them.
   */
  public static String answerDayProblem(LocalDate day, LocalDate askedOn, LocalDate today) {
    String problem = GivenDates.happenedProblem(day, today);
    if (problem == null && askedOn != null && day.isBefore(askedOn)) {
      problem = "cannot be before we wrote to the requester on " + askedOn.format(UK_DAY);
    }
    return problem;
  }

  private void day(CaseFile file, CaseVariable field, LocalDate askedOn, LocalDate today, Map<String, String> problems) {
    Object value = file.value(field);
    LocalDate day = value instanceof Date date ? LocalDate.ofInstant(date.toInstant(), caseClock.zone())
        : value == null ? null : GivenDates.typed(field.key(), value.toString(), problems);
    if (problems.containsKey(field.key())) {
      return;
    }
    if (day == null) {
      problems.put(field.key(), "is required: the date, e.g. 14/05/2026");
      return;
    }
    String problem = answerDayProblem(day, askedOn, today);
    if (problem != null) {
      problems.put(field.key(), problem);
    } else {
      file.put(field, day.toString());
    }
  }

  private static void amount(CaseFile file, Map<String, String> problems) {
    Object value = file.value(FEE_PAID_POUNDS);
    BigDecimal paid;
    try {
      paid = value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString().strip());
    } catch (NumberFormatException notANumber) {
      problems.put(FEE_PAID_POUNDS.key(), "must be an amount in pounds, e.g. 12.50");
      return;
    }
    if (paid == null) {
      problems.put(FEE_PAID_POUNDS.key(), "is required: the amount paid in pounds");
    } else if (paid.signum() <= 0) {
      problems.put(FEE_PAID_POUNDS.key(), "must be more than £0");
    } else {
      Object asked = file.value(FEE_POUNDS);
      BigDecimal notice = asked == null ? null : new BigDecimal(asked.toString());
      if (notice != null && paid.compareTo(notice) < 0) {
        problems.put(FEE_PAID_POUNDS.key(), "£" + pounds(paid) + " is less than the £" + pounds(notice)
            + " the fees notice asked for: the request goes on only when the whole fee is paid (s.9)");
      }
    }
  }

  private static String pounds(BigDecimal amount) {
    return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }
}
