package org.foiflow.correspondence;

import static org.foiflow.casefile.CaseVariable.REQUESTER_EMAIL;
import static org.foiflow.casefile.CaseVariable.REQUESTER_NAME;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.foiflow.correspondence.CorrespondenceItem.Attachment;
import org.foiflow.correspondence.CorrespondenceItem.Direction;
import org.foiflow.correspondence.CorrespondenceItem.Status;
import org.foiflow.documents.ReleasedCopy;
import org.foiflow.drafting.AuthorityProfile;
import org.foiflow.drafting.LetterType;
import org.foiflow.mailbox.ReceivedMessage;
import org.foiflow.release.ReleaseBundle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A case's correspondence both ways, oldest first: the messages filed to it from the FOI mailbox (foi_correspondence,
 * FILED or LOGGED: the one it became counts too) and the letters it and its internal reviews sent, by email
 * (foi_letter_dispatch) or by post (foi_letter_post). The caller has been allowed the case already; its letters'
 * index is read from history as the caller, like the letters API.
 */
@Component
public class CaseCorrespondence {

  private final JdbcTemplate jdbc;
  private final HistoryService historyService;
  private final FiledLetters filedLetters;
  private final ReleaseBundle releaseBundle;
  private final AuthorityProfile authority;

  public CaseCorrespondence(JdbcTemplate jdbc, HistoryService historyService, FiledLetters filedLetters,
                            ReleaseBundle releaseBundle, AuthorityProfile authority) {
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.filedLetters = filedLetters;
    this.releaseBundle = releaseBundle;
    this.authority = authority;
  }

  /** The correspondence of the case {@code reference}, whose foi-request process is {@code caseProcessInstanceId}. */
  public List<CorrespondenceItem> of(String reference, String caseProcessInstanceId) {
    List<CorrespondenceItem> items = new ArrayList<>(received(reference));
    items.addAll(sent(reference, caseProcessInstanceId, "/api/requests/" + reference + "/letters"));
    // each review's letters; the API serves the latest review's (older reviews' letters link there too)
    for (String review : jdbc.queryForList("SELECT review_id FROM foi_review WHERE reference = ? ORDER BY received_on",
        String.class, reference)) {
      items.addAll(sent(reference, review, "/api/requests/" + reference + "/review/letters"));
    }
    items.sort(Comparator.comparing(CorrespondenceItem::at).thenComparing(CorrespondenceItem::id));
    return items;
  }

  private List<CorrespondenceItem> received(String reference) {
    Map<String, List<Attachment>> attachments = new HashMap<>();
    jdbc.query("SELECT a.correspondence_id, a.position, a.file_name, a.size_bytes FROM foi_correspondence_attachment a"
        + " JOIN foi_correspondence c ON c.id = a.correspondence_id WHERE c.reference = ?"
        + " AND c.status IN ('FILED', 'LOGGED') ORDER BY a.correspondence_id, a.position", row -> {
          String id = row.getString("correspondence_id");
          attachments.computeIfAbsent(id, none -> new ArrayList<>()).add(new Attachment(row.getString("file_name"),
              row.getLong("size_bytes"), "/api/correspondence/" + id + "/attachments/" + row.getInt("position")));
        }, reference);
    return jdbc.query("SELECT id, from_name, from_address, to_address, subject, received_at, body_text"
        + " FROM foi_correspondence WHERE reference = ? AND status IN ('FILED', 'LOGGED')", (row, number) -> {
          String id = row.getString("id");
          return new CorrespondenceItem(id, Direction.IN, ReceivedMessage.shownAs(row.getString("from_name"), row.getString("from_address")),
              row.getString("to_address"), row.getString("subject"), row.getTimestamp("received_at").toInstant(), null,
              attachments.getOrDefault(id, List.of()), row.getString("body_text"));
        }, reference);
  }

  /** The letters one process instance (the case, or a review of it) sent, by email or by post. */
  private List<CorrespondenceItem> sent(String reference, String processInstanceId, String lettersPath) {
    Map<String, FiledLetter> letters = new HashMap<>();
    for (FiledLetter letter : filedLetters.index(processInstanceId, lettersPath)) {
      letters.put(letter.id(), letter);
    }
    Map<String, String> requester = requester(processInstanceId);
    Map<String, CorrespondenceItem> byLetter = new LinkedHashMap<>();
    jdbc.query("SELECT letter_id, subject, queued_at, sent_at, gave_up_at FROM foi_letter_dispatch"
        + " WHERE process_instance_id = ?", row -> {
          String letterId = row.getString("letter_id");
          Timestamp sentAt = row.getTimestamp("sent_at");
          Status status = sentAt != null ? Status.SENT : row.getTimestamp("gave_up_at") != null ? Status.BY_POST
              : Status.WAITING;
          Instant at = (sentAt != null ? sentAt : row.getTimestamp("queued_at")).toInstant();
          byLetter.put(letterId, letter(reference, processInstanceId, letters.get(letterId), letterId,
              row.getString("subject"), at, status, status == Status.BY_POST ? postedTo(requester)
                  : requester.get(REQUESTER_EMAIL.key())));
        }, processInstanceId);
    // letters that went straight to post (no email address, or no mail server), and emails given up on
    jdbc.query("SELECT letter_id, letter_name, needed_at FROM foi_letter_post WHERE process_instance_id = ?", row -> {
      String letterId = row.getString("letter_id");
      if (!byLetter.containsKey(letterId)) {
        FiledLetter filed = letters.get(letterId);
        byLetter.put(letterId, letter(reference, processInstanceId, filed, letterId,
            reference + ": " + title(filed, row.getString("letter_name")),
            row.getTimestamp("needed_at").toInstant(), Status.BY_POST, postedTo(requester)));
      }
    }, processInstanceId);
    return new ArrayList<>(byLetter.values());
  }

  /** The title an emailed letter of its type has as subject ("Your request for information"), else its name. */
  private static String title(FiledLetter filed, String name) {
    LetterType type = filed == null ? null : LetterType.ofFiled(filed.type());
    return type != null ? type.title() : name.substring(0, 1).toUpperCase(Locale.UK) + name.substring(1);
  }

  private CorrespondenceItem letter(String reference, String processInstanceId, FiledLetter filed, String letterId,
                                    String subject, Instant at, Status status, String to) {
    List<Attachment> attachments = new ArrayList<>();
    if (filed != null) {
      // the PDF the email carried (reference.pdf), rendered again from the filed letter
      attachments.add(new Attachment(reference + ".pdf", null, filed.pdf()));
      for (ReleasedCopy copy : releaseBundle.forLetter(processInstanceId, filed.type())) {
        attachments.add(new Attachment(copy.fileName(), (long) copy.pdf().length,
            "/api/requests/" + reference + "/documents/" + copy.documentId() + "/redacted.pdf"));
      }
    }
    // the email's Message-ID without its brackets: unique across the case and its reviews
    return new CorrespondenceItem(letterId + "." + processInstanceId, Direction.OUT, authority.email(), to, subject, at,
        status, attachments, null);
  }

  private Map<String, String> requester(String processInstanceId) {
    Map<String, String> values = new HashMap<>();
    CaseHistoryValues.of(historyService, processInstanceId, List.of(REQUESTER_EMAIL.key(), REQUESTER_NAME.key()))
        .forEach((name, value) -> values.put(name, value.getValue() == null ? null : value.getValue().toString()));
    return values;
  }

  /** A posted letter goes to the requester by name (their postal address is on the case page). */
  private static String postedTo(Map<String, String> requester) {
    String name = requester.get(REQUESTER_NAME.key());
    return name == null || name.isBlank() ? "the requester (by post)" : name + " (by post)";
  }
}
