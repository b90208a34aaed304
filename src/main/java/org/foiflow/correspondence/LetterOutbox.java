package org.foiflow.correspondence;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.drafting.AuthorityProfile;
import org.foiflow.documents.ReleasedCopy;
import org.foiflow.drafting.LetterFormats;
import org.foiflow.drafting.PdfCopies;
import org.foiflow.release.DownloadLinks;
import org.foiflow.release.PublicAddress;
import org.foiflow.release.ReleaseBundle;
import org.foiflow.release.ReleasedDocumentsPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails letters exactly when the step that sent them has committed (table foi_letter_dispatch). A step that
 * rolls back, because another node worked the same task first or because the node died, emails nothing; a
 * letter committed by a node that died before emailing it is emailed by whichever node looks next. Each
 * email carries a Message-ID made from the case and the letter, the same on every attempt.
 * <p>
 * Why an outbox and not the engine's asynchronous continuations with a retry cycle on the sending steps
 * (an issue asked to try them; TwoNodesOnOnePostgresTest is the crash test of this outbox, and
 * LetterOutboxTest#anAsynchronousContinuationWhoseTransactionFailsAfterTheEmailEmailsItAgainOnRetry shows the
 * difference): an SMTP send cannot join a database transaction, so what counts is which transaction can still
 * roll back after the server has accepted the email.
 * <ul>
 * <li>In a job, that is the job's own transaction: it carries the case on from the send to its next wait state
 * (the triage task, the closure) and, even for a send step of its own between asyncBefore and asyncAfter,
 * updates the case's execution. A concurrent change to the same case (the deadline watch's timer, on a parallel
 * branch of the same case, run by the other node: exclusive jobs are kept apart only within one node's job
 * acquisition) rolls it back with an OptimisticLockingException, as does any later failure in it (a listener, the
 * database), and the retry emails the letter again: a duplicate without any crash (and, for a conflict, without
 * an incident either: the engine retries it without using up the retry cycle).</li>
 * <li>Here, after the email, only {@code sent_at} of this letter's row is written, in a transaction of its own
 * that no process step touches, under this node's lease. A letter is emailed twice only when the node dies (or
 * loses the database) between the server's acceptance and that commit; the retry carries the same Message-ID.
 * A job has that window too, and waits the job lock time (5 minutes) instead of the lease before its retry.</li>
 * </ul>
 * Both give "no email unless the step committed" (the job, like the row, exists only if it did). What the outbox
 * does not give is an incident in Cockpit; instead a letter is never left undelivered in silence: one the server
 * refuses (an SMTP reply 5xx: the address, the message or our credentials), or that fails dispatch-attempts times, or
 * that is still waiting when no SMTP server is configured any more, goes by post ({@link LettersByPost}: a "Print
 * and post" task), and the outbox stops trying it (gave_up_at).
 */
@Component
public class LetterOutbox {

  private static final Logger log = LoggerFactory.getLogger(LetterOutbox.class);
  /** One Message-ID, angle brackets and all, short enough for "In-Reply-To: " and it to fit a 998-character line. */
  private static final java.util.regex.Pattern ONE_MESSAGE_ID = java.util.regex.Pattern.compile("<[^<>\\s]{1,900}>");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final AuthorityProfile authority;
  private final PdfCopies pdfCopies;
  private final ProcessEngine engine;
  private final Duration retryAfter;
  private final Duration lease;
  private final int attemptsBeforePost;
  private final LettersByPost lettersByPost;
  private final ReleaseBundle releaseBundle;
  private final DownloadLinks downloadLinks;
  private final PublicAddress publicAddress;

  public LetterOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> mailSender,
                      AuthorityProfile authority, PdfCopies pdfCopies, @Lazy ProcessEngine engine,
                      DispatchSettings dispatch, LettersByPost lettersByPost, ReleaseBundle releaseBundle,
                      DownloadLinks downloadLinks, PublicAddress publicAddress) {
    this.jdbc = jdbc;
    // after the engine's commit its connection is still bound to the thread: work there would never commit
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.mailSender = mailSender;
    this.authority = authority;
    this.pdfCopies = pdfCopies;
    this.engine = engine;
    this.retryAfter = dispatch.dispatchRetry();
    this.lease = dispatch.dispatchLease();
    this.attemptsBeforePost = dispatch.dispatchAttempts();
    this.lettersByPost = lettersByPost;
    this.releaseBundle = releaseBundle;
    this.downloadLinks = downloadLinks;
    this.publicAddress = publicAddress;
  }

  public boolean canEmail() {
    return mailSender.getIfAvailable() != null;
  }

  /** Queues the filed letter in the engine's transaction; it is emailed once that transaction commits. */
  public void queue(VariableScope caseScope, String letterId, String subject) {
    String processInstanceId = processInstanceOf(caseScope);
    Integer queuedBefore = jdbc.queryForObject("SELECT COUNT(*) FROM foi_letter_dispatch WHERE process_instance_id = ?"
        + " AND letter_id = ?", Integer.class, processInstanceId, letterId);
    if (queuedBefore != null && queuedBefore > 0) {
      return; // sent by an earlier step of this case: the requester has it already
    }
    try {
      jdbc.update("INSERT INTO foi_letter_dispatch (process_instance_id, letter_id, subject, queued_at, attempts)"
          + " VALUES (?, ?, ?, ?, 0)", processInstanceId, letterId, subject, Timestamp.from(Instant.now()));
    } catch (DuplicateKeyException concurrentStep) {
      // another node sent the same letter of this case in a transaction that committed first: this step loses
      throw new OptimisticLockingException("Letter " + letterId + " of case " + processInstanceId
          + " was sent by a concurrent transaction; this one is rolled back");
    }
    // without a Spring transaction (never in this application) the next look at the outbox sends it
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          try {
            deliver(processInstanceId, letterId);
          } catch (RuntimeException notNow) {
            // the step is committed whatever happens here; the next look at the outbox sends the letter
            log.warn("Letter {} of case {} is left for the next look at the outbox", letterId, processInstanceId, notNow);
          }
        }
      });
    }
  }

  /** Letters committed but not emailed (their node died, or SMTP failed) are emailed by any node. */
  @Scheduled(fixedDelayString = "${foiflow.letters.dispatch-retry:PT1M}", initialDelayString = "${foiflow.letters.dispatch-retry:PT1M}")
  public void deliverOverdue() {
    Instant now = Instant.now();
    List<Map<String, Object>> overdue = jdbc.queryForList("SELECT process_instance_id, letter_id FROM foi_letter_dispatch"
            + " WHERE sent_at IS NULL AND gave_up_at IS NULL AND queued_at < ? AND (leased_until IS NULL OR leased_until < ?)"
            + " ORDER BY queued_at LIMIT 100",
        Timestamp.from(now.minus(retryAfter)), Timestamp.from(now));
    for (Map<String, Object> row : overdue) {
      String processInstanceId = String.valueOf(row.get("process_instance_id"));
      String letterId = String.valueOf(row.get("letter_id"));
      if (canEmail()) {
        deliver(processInstanceId, letterId);
      } else {
        // queued when SMTP was configured, and it is not now: waiting for it would be silence
        sendByPost(processInstanceId, letterId, PostReason.NO_EMAIL_SERVER, null);
      }
    }
  }

  /** Emails the letter unless it was emailed already or another node is emailing it right now. */
  public void deliver(String processInstanceId, String letterId) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      return;
    }
    Instant now = Instant.now();
    Integer taken = ownTransaction.execute(status -> jdbc.update("UPDATE foi_letter_dispatch"
            + " SET leased_until = ?, attempts = attempts + 1 WHERE process_instance_id = ? AND letter_id = ?"
            + " AND sent_at IS NULL AND gave_up_at IS NULL AND (leased_until IS NULL OR leased_until < ?)",
        Timestamp.from(now.plus(lease)), processInstanceId, letterId, Timestamp.from(now)));
    if (taken == null || taken == 0) {
      return;
    }
    try {
      String subject = ownTransaction.execute(status -> jdbc.queryForObject("SELECT subject FROM foi_letter_dispatch"
          + " WHERE process_instance_id = ? AND letter_id = ?", String.class, processInstanceId, letterId));
      sender.send(message(sender, processInstanceId, letterId, subject));
      ownTransaction.executeWithoutResult(status -> jdbc.update("UPDATE foi_letter_dispatch SET sent_at = ?,"
          + " leased_until = NULL, last_error = NULL WHERE process_instance_id = ? AND letter_id = ?",
          Timestamp.from(Instant.now()), processInstanceId, letterId));
    } catch (RuntimeException failed) {
      String error = String.valueOf(failed.getMessage());
      Integer attempts = ownTransaction.execute(status -> jdbc.queryForObject("SELECT attempts FROM foi_letter_dispatch"
          + " WHERE process_instance_id = ? AND letter_id = ?", Integer.class, processInstanceId, letterId));
      String refusal = refusal(failed);
      if (refusal != null || attempts != null && attempts >= attemptsBeforePost) {
        log.warn("Letter {} of case {} could not be emailed (attempt {}); it goes by post", letterId, processInstanceId,
            attempts, failed);
        sendByPost(processInstanceId, letterId, refusal != null ? PostReason.EMAIL_REFUSED : PostReason.EMAIL_FAILED,
            refusal != null ? refusal : error);
        return;
      }
      log.warn("Letter {} of case {} could not be emailed (attempt {} of {}); it is tried again after {}", letterId,
          processInstanceId, attempts, attemptsBeforePost, retryAfter, failed);
      ownTransaction.executeWithoutResult(status -> jdbc.update("UPDATE foi_letter_dispatch SET leased_until = NULL,"
              + " last_error = ? WHERE process_instance_id = ? AND letter_id = ?",
          error.substring(0, Math.min(error.length(), 1000)), processInstanceId, letterId));
    }
  }

  /**
   * The server's permanent refusal (an SMTP reply 5xx: the address, the message or our credentials refused), if
   * that was the failure: trying again would only be refused again. A server that cannot be reached or answers
   * 4xx ("try later") is not a refusal.
   */
  static String refusal(Throwable failed) {
    List<Throwable> causes = new java.util.ArrayList<>();
    if (failed instanceof MailException) {
      causes.add(failed);
    }
    if (failed instanceof MailSendException send) {
      causes.addAll(send.getFailedMessages().values());
    }
    for (int i = 0; i < causes.size() && i < 20; i++) {
      Throwable cause = causes.get(i);
      String said = cause.getMessage() == null ? "" : cause.getMessage().strip();
      if (PERMANENT_REPLY.matcher(said).find()) {
        return said;
      }
      if (cause.getCause() != null) {
        causes.add(cause.getCause());
      }
      if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
        causes.add(messaging.getNextException());
      }
    }
    return null;
  }

  private static final java.util.regex.Pattern PERMANENT_REPLY = java.util.regex.Pattern.compile("^5\\d\\d\\b");

  /**
   * Stops emailing the letter and makes it a "Print and post" task, in one transaction of its own: only the
   * node that marks the row gives it up, and the task's row in foi_letter_post keeps it to one task.
   */
  private void sendByPost(String processInstanceId, String letterId, PostReason reason, String detail) {
    String said = detail == null ? reason.name() : detail.substring(0, Math.min(detail.length(), 1000));
    try {
      ownTransaction.executeWithoutResult(status -> {
        int marked = jdbc.update("UPDATE foi_letter_dispatch SET gave_up_at = ?, leased_until = NULL, last_error = ?"
                + " WHERE process_instance_id = ? AND letter_id = ? AND sent_at IS NULL AND gave_up_at IS NULL",
            Timestamp.from(Instant.now()), said, processInstanceId, letterId);
        if (marked == 0) {
          return; // emailed, or given up, by another node meanwhile
        }
        Map<String, Object> values = new HashMap<>();
        caseValues(processInstanceId, List.of(CaseVariable.REFERENCE.key(),
            CaseVariable.REQUESTER_NAME.key(), CaseVariable.REQUESTER_ADDRESS.key(), CaseVariable.LETTERS.key()))
            .forEach((name, value) -> values.put(name, value.getValue()));
        if (CaseLetters.recipientOf(values.get(CaseVariable.LETTERS.key()), letterId) != null) {
          // a letter to a third party: posting it would print the requester's address on it; the case page shows it unsent
          log.warn("Letter {} of case {} to a third party could not be emailed ({}); send it by hand", letterId,
              processInstanceId, said);
          return;
        }
        lettersByPost.fromOutbox(processInstanceId, processDefinitionOf(processInstanceId), letterId, reason, detail,
            values);
      });
    } catch (RuntimeException notNow) {
      // nothing was marked: the next look at the outbox tries again
      log.warn("Letter {} of case {} could not be put to post yet", letterId, processInstanceId, notNow);
    }
  }

  private String processDefinitionOf(String processInstanceId) {
    IdentityService identity = engine.getIdentityService();
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
          .singleResult().getProcessDefinitionId();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /**
   * The email, read from the case as committed: the requester's address and the letter's HTML, with the PDF
   * rendered from that HTML here, after the step's commit, so the step never waits for it.
   */
  private MimeMessage message(JavaMailSender sender, String processInstanceId, String letterId, String subject) {
    List<String> names = new java.util.ArrayList<>(List.of(CaseVariable.REFERENCE.key(), letterId + "Html"));
    // one read of the case's history for the email: what it must have, and what it may (the thread, the letters' index)
    Map<String, TypedValue> values = caseValues(processInstanceId, List.of(CaseVariable.REQUESTER_EMAIL.key(),
        CaseVariable.REFERENCE.key(), letterId + "Html", CaseVariable.REQUEST_MESSAGE_ID.key(),
        CaseVariable.LETTERS.key()));
    TypedValue lettersIndex = values.get(CaseVariable.LETTERS.key());
    String thirdParty = CaseLetters.recipientOf(lettersIndex == null ? null : lettersIndex.getValue(), letterId);
    if (thirdParty == null) {
      names.add(CaseVariable.REQUESTER_EMAIL.key()); // a third party's letter needs no requester's address
    }
    if (!values.keySet().containsAll(names)) {
      throw new IllegalStateException("letter " + letterId + " of case " + processInstanceId + " cannot be emailed:"
          + " the case history lacks " + names.stream().filter(name -> !values.containsKey(name)).toList());
    }
    try {
      MimeMessage message = new FixedIdMessage(sender.createMimeMessage(),
          "<" + letterId + "." + processInstanceId + "@foiflow>");
      MimeMessageHelper mail = new MimeMessageHelper(message, true, "UTF-8");
      mail.setFrom(authority.email());
      if (thirdParty != null) {
        // a letter to a third party (a consultation) goes to them alone, outside the requester's thread
        mail.setTo(thirdParty);
        mail.setSubject(subject);
      } else {
        // exactly the address the case holds: a WhatDoTheyKnow reply address is the request's own
        mail.setTo(String.valueOf(values.get(CaseVariable.REQUESTER_EMAIL.key()).getValue()));
        mail.setSubject(subject);
        inReplyToTheRequest(message, values.get(CaseVariable.REQUEST_MESSAGE_ID.key()));
      }
      String html = new String(CaseLetters.content((FileValue) values.get(letterId + "Html")), StandardCharsets.UTF_8);
      String reference = String.valueOf(values.get(CaseVariable.REFERENCE.key()).getValue());
      // the released copies go with the response they were decided in; other letters have none
      List<ReleasedCopy> copies = releaseBundle.forLetter(processInstanceId,
          letterTypeOf(values.get(CaseVariable.LETTERS.key()), letterId));
      boolean attached = releaseBundle.fitsInEmail(copies);
      String body = attached ? html : withDownloadLink(html, processInstanceId, reference);
      mail.setText(body, true);
      mail.addAttachment(reference + ".pdf", new ByteArrayResource(pdfCopies.of(html)), "application/pdf");
      if (attached) {
        for (ReleasedCopy copy : copies) {
          mail.addAttachment(copy.fileName(), new ByteArrayResource(copy.pdf()), "application/pdf");
        }
      }
      return message;
    } catch (MessagingException unsendable) {
      throw new IllegalStateException("letter " + letterId + " of case " + processInstanceId
          + " could not be prepared for email", unsendable);
    }
  }

  /**
   * A request that came by email is answered in its thread: the requester's mail client (and WhatDoTheyKnow, which
   * files replies by thread and address) shows every letter under the request. An internal review carries the
   * case's requestMessageId too (ReviewVariable.COPIED_FROM_CASE), so its letters join the same thread.
   */
  private static void inReplyToTheRequest(MimeMessage message, TypedValue requestMessageId) throws MessagingException {
    String id = requestMessageId == null || requestMessageId.getValue() == null ? ""
        : requestMessageId.getValue().toString().strip();
    // only one msg-id (RFC 5322) that fits a header line: a line break would add headers, anything else is not ours
    if (ONE_MESSAGE_ID.matcher(id).matches()) {
      message.setHeader("In-Reply-To", id);
      message.setHeader("References", id);
    }
  }

  /**
   * The email's body with, before the letter, where to download the released copies too large to attach: a new link
   * (in a transaction of its own: the step's has committed), and until when it works.
   */
  private String withDownloadLink(String html, String processInstanceId, String reference) {
    // each attempt makes its own link (only a token's hash is kept, so an earlier one cannot be written again); the
    // link of an attempt that failed is held by nobody and expires unused
    DownloadLinks.Issued link = ownTransaction.execute(status -> downloadLinks.issue(processInstanceId, reference));
    String address = publicAddress.of(ReleasedDocumentsPage.pathOf(link.token()));
    String until = LetterFormats.INSTANCE.date(LocalDate.ofInstant(link.expiresAt(), ZoneId.of("Europe/London")));
    org.jsoup.nodes.Document email = Jsoup.parse(html);
    Element note = new Element("div").attr("class", "download-link");
    note.appendElement("p").text("The documents we are releasing with this letter are too large to attach to this"
        + " email. You can download them until " + until + " from this link:");
    note.appendElement("p").appendElement("a").attr("href", address).text(address);
    note.appendElement("p").text("The link needs no password, so please do not share it with anyone you would not"
        + " share the documents with. After " + until + ", email us quoting " + reference + " if you need them again.");
    Element main = email.selectFirst("main");
    if (main != null) {
      main.before(note);
    } else {
      email.body().prependChild(note);
    }
    return email.outerHtml();
  }

  /** The type of a filed letter ("PARTIAL_DISCLOSURE"), from the case's index of letters ({@code letters}). */
  private static String letterTypeOf(TypedValue letters, String letterId) {
    if (letters != null && letters.getValue() instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> entry && letterId.equals(entry.get("id"))) {
          return String.valueOf(entry.get("type"));
        }
      }
    }
    return null;
  }

  /** The case's own (process-level) values from history, which keeps them after the case has closed. */
  private Map<String, TypedValue> caseValues(String processInstanceId, List<String> names) {
    IdentityService identity = engine.getIdentityService();
    var caller = identity.getCurrentAuthentication(); // handed back unread: no need to name the engine's type
    identity.clearAuthentication(); // the outbox reads as the system, whoever's request committed the letter
    try {
      return CaseHistoryValues.of(engine.getHistoryService(), processInstanceId, names);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static String processInstanceOf(VariableScope caseScope) {
    if (caseScope instanceof DelegateExecution execution) {
      return execution.getProcessInstanceId();
    }
    if (caseScope instanceof DelegateTask task) {
      return task.getProcessInstanceId();
    }
    throw new IllegalArgumentException("a letter is sent from a case's execution or task, not from " + caseScope);
  }

  /** Keeps the Message-ID we give it (JavaMail would otherwise make a new one on every attempt). */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(MimeMessage template, String messageId) {
      super(template.getSession());
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
