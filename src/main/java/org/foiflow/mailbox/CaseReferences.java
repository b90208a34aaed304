package org.foiflow.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which case a message belongs to: a reference in its subject (as we write it, FOI-2026-00042, or as people and
 * mail clients mangle it: "FOI 2026 42", "FOI/2026/42", "foi-2026-042", "[FOI-2026-00042]", after any "Re: Fwd:"),
 * else its In-Reply-To/References naming a letter we sent ({@code <letterId.processInstanceId@foiflow>}, the
 * Message-ID LetterOutbox gives every letter) or a message already filed to a case. A reference that names no case
 * here leaves the message unplaced, with the reason.
 */
@Component
public class CaseReferences {

  /** "FOI", then the year and the number, separated by spaces, hyphens, slashes, dots or underscores. */
  private static final Pattern IN_SUBJECT =
      Pattern.compile("(?<![A-Za-z0-9])FOI[\\s\\-/._]*(20\\d\\d)[\\s\\-/._]+0*(\\d{1,5})(?!\\d)", Pattern.CASE_INSENSITIVE);
  /** LetterOutbox's Message-ID: the letter, then the process instance of the case (or its internal review). */
  private static final Pattern OUR_LETTER = Pattern.compile("<[^<>.@\\s]+\\.([^<>@\\s]+)@foiflow>");

  private final JdbcTemplate jdbc;
  private final HistoryService history;

  public CaseReferences(JdbcTemplate jdbc, @Lazy HistoryService history) {
    this.jdbc = jdbc;
    this.history = history;
  }

  /** Where a message goes: the case, or why it goes to the holding pen. */
  public record Placement(String reference, String holdingReason) {
    static Placement toCase(String reference) {
      return new Placement(reference, null);
    }

    static Placement unplaced(String reason) {
      return new Placement(null, reason);
    }

    public boolean placed() {
      return reference != null;
    }
  }

  public static final String NO_REFERENCE = "No case reference in the subject or headers";

  public Placement place(ReceivedMessage message) {
    List<String> named = new ArrayList<>();
    for (String reference : inSubject(message.subject())) {
      if (exists(reference)) {
        return Placement.toCase(reference);
      }
      named.add(reference);
    }
    List<String> thread = new ArrayList<>();
    if (message.inReplyTo() != null) {
      thread.addAll(ReceivedMessage.messageIds(message.inReplyTo()));
    }
    // the nearest first: the last References entry is the message replied to
    List<String> references = new ArrayList<>(message.references());
    java.util.Collections.reverse(references);
    thread.addAll(references);
    for (String messageId : thread) {
      Optional<String> reference = ofMessageId(messageId);
      if (reference.isPresent() && exists(reference.get())) {
        return Placement.toCase(reference.get());
      }
    }
    if (!named.isEmpty()) {
      return Placement.unplaced("It names " + named.get(0) + ", which is not a case here");
    }
    return Placement.unplaced(NO_REFERENCE);
  }

  /**
   * The references a subject carries, in our own form (FOI-2026-00042): those written exactly as we write them first,
   * then the mangled ones, each in order. Other authorities' references look like ours loosely ("your ref
   * FOI/2026/1234"), so a subject that also quotes ours goes to our case, not to the case the other number happens to
   * match.
   */
  public static List<String> inSubject(String subject) {
    List<String> exact = new ArrayList<>();
    List<String> loose = new ArrayList<>();
    if (subject == null) {
      return exact;
    }
    Matcher reference = IN_SUBJECT.matcher(subject);
    while (reference.find()) {
      int number = Integer.parseInt(reference.group(2));
      if (number > 0) {
        String normal = "FOI-%s-%05d".formatted(reference.group(1), number);
        (normal.equalsIgnoreCase(reference.group()) ? exact : loose).add(normal);
      }
    }
    exact.addAll(loose);
    return exact.stream().distinct().toList();
  }

  private Optional<String> ofMessageId(String messageId) {
    Matcher letter = OUR_LETTER.matcher(messageId);
    if (letter.matches()) {
      return caseOfProcess(letter.group(1));
    }
    return jdbc.queryForList("SELECT reference FROM foi_correspondence WHERE message_id = ? AND reference IS NOT NULL",
        String.class, messageId).stream().findFirst();
  }

  /** The case itself, else the case whose internal review (or other process) it is: its business key. */
  private Optional<String> caseOfProcess(String processInstanceId) {
    Optional<String> reference = jdbc.queryForList("SELECT reference FROM foi_case WHERE process_instance_id = ?",
        String.class, processInstanceId).stream().findFirst();
    if (reference.isPresent()) {
      return reference;
    }
    HistoricProcessInstance process = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    return Optional.ofNullable(process).map(HistoricProcessInstance::getBusinessKey);
  }

  private boolean exists(String reference) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM foi_case WHERE reference = ?", Integer.class, reference);
    return count != null && count > 0;
  }
}
