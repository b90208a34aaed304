package org.foiflow.correspondence;

import static org.foiflow.casefile.CaseVariable.LETTERS;
import static org.foiflow.casefile.CaseVariable.REFERENCE;
import static org.foiflow.casefile.CaseVariable.REQUESTER_ADDRESS;
import static org.foiflow.casefile.CaseVariable.REQUESTER_NAME;
import static org.foiflow.correspondence.PostVariable.CASE_REFERENCE;
import static org.foiflow.correspondence.PostVariable.LETTER_CASE_ID;
import static org.foiflow.correspondence.PostVariable.LETTER_ID;
import static org.foiflow.correspondence.PostVariable.LETTER_NAME;
import static org.foiflow.correspondence.PostVariable.LETTER_PDF;
import static org.foiflow.correspondence.PostVariable.LETTER_WRITTEN_ON;
import static org.foiflow.correspondence.PostVariable.POSTAL_ADDRESS;
import static org.foiflow.correspondence.PostVariable.POSTAL_ADDRESS_KNOWN;
import static org.foiflow.correspondence.PostVariable.POST_REASON;
import static org.foiflow.correspondence.PostVariable.RECIPIENT_NAME;
import static org.foiflow.correspondence.PostVariable.TASK_DUE_DATE;
import static org.foiflow.correspondence.PostVariable.TASK_FOLLOW_UP_DATE;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.casefile.ProcessVariable;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.UkWorkingDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A letter that must go by post is work for the FOI team, never a silent mark: it starts a "Print and post" task
 * (process letter-by-post, business key the case's reference) with the letter's PDF, the recipient and the postal
 * address, and why it goes by post. Once per letter: the row in foi_letter_post is written in the same
 * transaction as the start, and its primary key refuses a second (a retried dispatch, another node).
 */
@Component
public class LettersByPost {

  public static final String PROCESS_KEY = "letter-by-post";
  private static final Logger log = LoggerFactory.getLogger(LettersByPost.class);

  private final JdbcTemplate jdbc;
  private final ProcessEngine engine;
  private final CaseClock caseClock;
  private final UkWorkingDays workingDays;

  public LettersByPost(JdbcTemplate jdbc, @Lazy ProcessEngine engine, CaseClock caseClock, UkWorkingDays workingDays) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.caseClock = caseClock;
    this.workingDays = workingDays;
  }

  /** From the step that sends the letter, in its transaction: the case (or review) as it stands now. */
  public void fromStep(VariableScope caseScope, String letterId, PostReason reason, String detail) {
    String processInstanceId;
    String processDefinitionId;
    if (caseScope instanceof DelegateExecution execution) {
      processInstanceId = execution.getProcessInstanceId();
      processDefinitionId = execution.getProcessDefinitionId();
    } else if (caseScope instanceof DelegateTask task) {
      processInstanceId = task.getProcessInstanceId();
      processDefinitionId = task.getProcessDefinitionId();
    } else {
      throw new IllegalArgumentException("a letter is sent from a case's execution or task, not from " + caseScope);
    }
    CaseFile file = CaseFile.of(caseScope);
    start(processInstanceId, processDefinitionId, letterId, reason, detail, file::value);
  }

  /**
   * From the outbox, after the step (the email failed): the case's values as committed, {@code values} by name.
   * Runs in the caller's transaction, which also records that the outbox gave the email up.
   */
  void fromOutbox(String processInstanceId, String processDefinitionId, String letterId, PostReason reason,
                  String detail, Map<String, Object> values) {
    start(processInstanceId, processDefinitionId, letterId, reason, detail, variable -> values.get(variable.key()));
  }

  private interface Values {
    Object of(ProcessVariable variable);
  }

  private void start(String processInstanceId, String processDefinitionId, String letterId, PostReason reason,
                     String detail, Values caseValues) {
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM foi_letter_post WHERE process_instance_id = ?"
        + " AND letter_id = ?", Integer.class, processInstanceId, letterId);
    if (before != null && before > 0) {
      return; // its task exists already: this is a retried dispatch of the same letter
    }
    String reference = String.valueOf(caseValues.of(REFERENCE));
    Map<String, Object> entry = entry(caseValues.of(LETTERS), letterId);
    String type = entry == null ? null : (String) entry.get("type");
    String name = letterName(type);
    LocalDate writtenOn = entry == null || entry.get("draftedAt") == null ? caseClock.today()
        : LocalDate.ofInstant(Instant.parse(entry.get("draftedAt").toString()), caseClock.zone());
    try {
      jdbc.update("INSERT INTO foi_letter_post (process_instance_id, letter_id, reference, letter_name, reason, needed_at)"
          + " VALUES (?, ?, ?, ?, ?, ?)", processInstanceId, letterId, reference, name, reason.name(),
          Timestamp.from(Instant.now()));
    } catch (DuplicateKeyException concurrent) {
      // another node started this letter's task in a transaction that committed first: this one loses
      throw new OptimisticLockingException("Letter " + letterId + " of case " + processInstanceId
          + " went to post in a concurrent transaction; this one is rolled back");
    }
    String address = caseValues.of(REQUESTER_ADDRESS) == null ? null : caseValues.of(REQUESTER_ADDRESS).toString().strip();
    LocalDate today = caseClock.today();
    VariableMap variables = Variables.createVariables()
        .putValue(CASE_REFERENCE.key(), reference)
        .putValue(LETTER_CASE_ID.key(), processInstanceId)
        .putValue(LETTER_ID.key(), letterId)
        .putValue(LETTER_NAME.key(), name)
        .putValue(LETTER_WRITTEN_ON.key(), writtenOn.toString())
        .putValue(POST_REASON.key(), reason.words(detail))
        .putValue(RECIPIENT_NAME.key(), Objects.toString(caseValues.of(REQUESTER_NAME), "the requester"))
        .putValue(POSTAL_ADDRESS.key(), address == null || address.isEmpty() ? null : address)
        .putValue(POSTAL_ADDRESS_KNOWN.key(), address != null && !address.isEmpty())
        // one working day to print and post it; the follow-up date is the day it went to post
        .putValue(TASK_DUE_DATE.key(), caseClock.endOf(workingDays.addWorkingDays(today, 1)))
        .putValue(TASK_FOLLOW_UP_DATE.key(), caseClock.startOf(today));
    asTheSystem(() -> {
      String processKey = engine.getRepositoryService().getProcessDefinition(processDefinitionId).getKey();
      variables.putValue(LETTER_PDF.key(), pdfPath(processKey, reference, letterId));
      engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, reference, variables);
    });
    log.info("Letter {} of {} goes by post ({}): a Print and post task is open", letterId, reference, reason);
  }

  /**
   * The staff URL of the letter's PDF (the session is shared with Tasklist): a case's letters, or its review's.
   * Only the FOI request and the internal review send letters.
   */
  static String pdfPath(String processKey, String reference, String letterId) {
    String letters = FoiRequest.PROCESS_KEY.equals(processKey) ? "/letters/" : "/review/letters/";
    return "/api/requests/" + reference + letters + letterId + ".pdf";
  }

  /** The letter as the task names it: "Print and post – FOI-2026-00042 (response letter)". */
  static String letterName(String type) {
    if (type == null) {
      return "letter";
    }
    return switch (type) {
      case "ACKNOWLEDGEMENT" -> "acknowledgement";
      case "CLARIFICATION_REQUEST" -> "clarification request";
      case "FEES_NOTICE" -> "fees notice";
      case "PUBLIC_INTEREST_EXTENSION" -> "extension notice";
      case "INTERNAL_REVIEW_OUTCOME" -> "internal review outcome";
      case "INTERNAL_REVIEW_EXTENSION" -> "internal review extension";
      case "INTERNAL_REVIEW_LATE" -> "reply to a late review request";
      case "REFUSAL_S12", "REFUSAL_S14", "REFUSAL_NOTICE", "PARTIAL_DISCLOSURE", "FULL_DISCLOSURE", "NOT_HELD", "NCND",
           "SAR_SIGNPOST" -> "response letter";
      default -> type.toLowerCase(Locale.UK).replace('_', ' ');
    };
  }

  /** Records the day the letter was posted, with the task's completion (in its transaction). */
  void posted(String processInstanceId, String letterId, LocalDate postedOn) {
    jdbc.update("UPDATE foi_letter_post SET posted_on = ? WHERE process_instance_id = ? AND letter_id = ?",
        java.sql.Date.valueOf(postedOn), processInstanceId, letterId);
  }

  /** The letters of a process instance that went to post: letter id to the day posted (null until posted). */
  Map<String, LocalDate> postings(String processInstanceId) {
    Map<String, LocalDate> postings = new java.util.HashMap<>();
    jdbc.query("SELECT letter_id, posted_on FROM foi_letter_post WHERE process_instance_id = ?", row -> {
      java.sql.Date posted = row.getDate("posted_on");
      postings.put(row.getString("letter_id"), posted == null ? null : posted.toLocalDate());
    }, processInstanceId);
    return postings;
  }

  /**
   * The start is the correspondence's own step, not an end user's (officers may not start letter-by-post). Inside
   * the engine (a case's step) the engine checks no authorization for it (custom code); after a commit (the outbox)
   * it runs with no user signed in to the engine, as the system, whoever's request committed the letter.
   */
  private void asTheSystem(Runnable start) {
    IdentityService identity = engine.getIdentityService();
    var caller = identity.getCurrentAuthentication(); // handed back unread: no need to name the engine's type
    identity.clearAuthentication();
    try {
      start.run();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> entry(Object letters, String letterId) {
    if (letters instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> entry && letterId.equals(entry.get("id"))) {
          return (Map<String, Object>) entry;
        }
      }
    }
    return null;
  }
}
