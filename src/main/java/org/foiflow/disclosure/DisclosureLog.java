package org.foiflow.disclosure;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.security.RetentionSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The published disclosure log (foi_disclosure_log): written by "Publish to the disclosure log" in the engine's
 * transaction, read by the public pages. It holds only what an officer approved, never the requester's details.
 */
@Component
public class DisclosureLog {

  public record Entry(String reference, String regime, String outcome, LocalDate receivedOn, LocalDate respondedOn,
                      LocalDate publishedOn, String subject, String request, String response, List<String> exemptions,
                      List<Document> documents) {

    public Entry {
      documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** An entry without documents. */
    public Entry(String reference, String regime, String outcome, LocalDate receivedOn, LocalDate respondedOn,
                 LocalDate publishedOn, String subject, String request, String response, List<String> exemptions) {
      this(reference, regime, outcome, receivedOn, respondedOn, publishedOn, subject, request, response, exemptions,
          List.of());
    }
  }

  /** A released copy the entry offers: its name and where the public downloads it. */
  public record Document(String id, String fileName, String href) {
  }

  /** A published entry's documents, by the case's process instance. */
  public record PublishedDocument(String processInstanceId, String documentId, String fileName) {
  }

  /** The public address of a published entry's document. */
  public static String documentPath(String reference, String documentId) {
    return "/disclosure-log/" + reference + "/documents/" + documentId + ".pdf";
  }

  public record Page(long total, List<Entry> entries) {
  }

  /** The entry's searchable texts, as db/vendor/postgresql/V11 indexes them. */
  static final String WORDS = "LOWER(reference || ' ' || COALESCE(subject, '') || ' ' || request_text || ' ' || response_text)";

  private final JdbcTemplate jdbc;
  private final RetentionSettings retention;

  public DisclosureLog(JdbcTemplate jdbc, RetentionSettings retention) {
    this.jdbc = jdbc;
    this.retention = retention;
  }

  /** Publishes the entry, replacing an earlier one for the same case (e.g. more released after a review). */
  public void publish(Entry entry) {
    jdbc.update("DELETE FROM foi_disclosure_log WHERE reference = ?", entry.reference());
    jdbc.update("INSERT INTO foi_disclosure_log (reference, regime, outcome, received_on, responded_on, published_on,"
            + " subject, request_text, response_text, exemptions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entry.reference(), entry.regime(), entry.outcome(), Date.valueOf(entry.receivedOn()),
        entry.respondedOn() == null ? null : Date.valueOf(entry.respondedOn()), Date.valueOf(entry.publishedOn()),
        entry.subject(), entry.request(), entry.response(), String.join(",", entry.exemptions()));
  }

  /** The released copies the entry offers, replacing those of an earlier publication of the same case. */
  public void publishDocuments(String reference, String processInstanceId, List<Document> documents) {
    jdbc.update("DELETE FROM foi_disclosure_log_document WHERE reference = ?", reference);
    for (int i = 0; i < documents.size(); i++) {
      jdbc.update("INSERT INTO foi_disclosure_log_document (reference, document_id, process_instance_id, file_name,"
          + " position) VALUES (?, ?, ?, ?, ?)", reference, documents.get(i).id(), processInstanceId,
          documents.get(i).fileName(), i);
    }
  }

  /** A document a published entry offers; empty for any other (withheld, never published, another case's). */
  public java.util.Optional<PublishedDocument> publishedDocument(String reference, String documentId) {
    return jdbc.query("SELECT d.process_instance_id, d.document_id, d.file_name FROM foi_disclosure_log_document d"
            + " JOIN foi_disclosure_log l ON l.reference = d.reference WHERE d.reference = ? AND d.document_id = ?",
        (rs, n) -> new PublishedDocument(rs.getString(1), rs.getString(2), rs.getString(3)), reference, documentId)
        .stream().findFirst();
  }

  /**
   * Retention: the documents of cases closed longer ago than foiflow.retention.closed-cases go with the case, so the
   * log stops offering them (the entry's texts stay). Nightly at 01:45 London, in history cleanup's window.
   */
  @Scheduled(cron = "0 45 1 * * *", zone = "Europe/London")
  void forgetDocumentsNightly() {
    forgetDocumentsOfCasesClosedBefore(LocalDate.now(java.time.ZoneId.of("Europe/London"))
        .minusDays(retention.closedCases().toDays()));
  }

  public int forgetDocumentsOfCasesClosedBefore(LocalDate day) {
    return jdbc.update("DELETE FROM foi_disclosure_log_document WHERE process_instance_id IN"
        + " (SELECT process_instance_id FROM foi_case WHERE closed_on < ?)", Date.valueOf(day));
  }

  private List<Document> documentsOf(String reference) {
    return jdbc.query("SELECT document_id, file_name FROM foi_disclosure_log_document WHERE reference = ?"
            + " ORDER BY position", (rs, n) -> new Document(rs.getString(1), rs.getString(2),
            documentPath(reference, rs.getString(1))), reference);
  }

  public boolean isPublished(String reference) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM foi_disclosure_log WHERE reference = ?", Integer.class, reference);
    return count != null && count > 0;
  }

  /**
   * Entries whose text contains every word searched for, answered between the dates, latest first.
   *
   * @throws InvalidRequestException naming each field of the public's search that cannot be answered
   */
  public Page search(String text, LocalDate from, LocalDate to, int page, int size) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (page < 0) {
      problems.put("page", "must be 0 or more");
    }
    if (size < 1 || size > 500) {
      problems.put("size", "must be between 1 and 500");
    }
    if (from != null && to != null && from.isAfter(to)) {
      problems.put("from", "must not be after to (" + to + ")");
    }
    if (text != null && text.length() > 200) {
      problems.put("q", "at most 200 characters");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (text != null) {
      for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
        if (word.isBlank()) {
          continue;
        }
        String like = "%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        // one expression, the one PostgreSQL's trigram index holds (V11); a word has no spaces, so it matches the
        // joined texts where it matches one of them
        where.append(" AND " + WORDS + " LIKE ? ESCAPE '!'");
        args.add(like);
      }
    }
    if (from != null) {
      where.append(" AND responded_on >= ?");
      args.add(Date.valueOf(from));
    }
    if (to != null) {
      where.append(" AND responded_on <= ?");
      args.add(Date.valueOf(to));
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM foi_disclosure_log" + where, Long.class, args.toArray());
    args.add(size);
    args.add((long) page * size);
    List<Entry> entries = jdbc.query("SELECT reference, regime, outcome, received_on, responded_on, published_on, subject,"
            + " request_text, response_text, exemptions FROM foi_disclosure_log" + where
            + " ORDER BY responded_on DESC, reference DESC LIMIT ? OFFSET ?",
        (rs, n) -> new Entry(rs.getString("reference"), rs.getString("regime"), rs.getString("outcome"),
            rs.getDate("received_on").toLocalDate(),
            rs.getDate("responded_on") == null ? null : rs.getDate("responded_on").toLocalDate(),
            rs.getDate("published_on").toLocalDate(), rs.getString("subject"), rs.getString("request_text"),
            rs.getString("response_text"), codes(rs.getString("exemptions"))), args.toArray())
        .stream().map(entry -> new Entry(entry.reference(), entry.regime(), entry.outcome(), entry.receivedOn(),
            entry.respondedOn(), entry.publishedOn(), entry.subject(), entry.request(), entry.response(),
            entry.exemptions(), documentsOf(entry.reference()))).toList();
    return new Page(total == null ? 0 : total, entries);
  }

  private static List<String> codes(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
  }
}
