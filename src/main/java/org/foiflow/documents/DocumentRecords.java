package org.foiflow.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.foiflow.redaction.PageArea;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rows of foi_document and foi_document_redaction (db/vendor/{h2,postgresql}/V5__case_documents.sql): the
 * bytes of each document in the database, so every node of a cluster reads the same, and its redactions. A write
 * to a document names the version it read; a stale one changes nothing, and the caller reports the conflict.
 */
@Component
class DocumentRecords {

  /** A document's row without its bytes. */
  record Row(String id, String processInstanceId, String reference, String fileName, String contentType, long size,
             String sha256, int pages, DocumentDecision decision, List<String> exemptions, String addedBy,
             Instant addedAt, int version) {
  }

  /** A redaction's row; kind is TEXT, PATTERN or AREA. */
  record RedactionRow(String id, String documentId, String kind, String exemption, String label, String text,
                      List<PageArea> areas, int count, String addedBy, Instant addedAt) {
  }

  private static final String COLUMNS = "id, process_instance_id, reference, file_name, content_type, size_bytes,"
      + " sha256, pages, decision, exemptions, added_by, added_at, version";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;

  DocumentRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Row row, byte[] original, byte[] rendition) {
    jdbc.update("INSERT INTO foi_document (id, process_instance_id, reference, file_name, content_type, size_bytes,"
            + " sha256, original, rendition, pages, decision, exemptions, added_by, added_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        row.id(), row.processInstanceId(), row.reference(), row.fileName(), row.contentType(), row.size(), row.sha256(),
        original, rendition, row.pages(), row.decision().name(), String.join(",", row.exemptions()), row.addedBy(),
        Timestamp.from(row.addedAt()));
  }

  List<Row> of(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM foi_document WHERE process_instance_id = ? ORDER BY added_at, id",
        DocumentRecords::row, processInstanceId);
  }

  Optional<Row> find(String processInstanceId, String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM foi_document WHERE process_instance_id = ? AND id = ?",
        DocumentRecords::row, processInstanceId, id).stream().findFirst();
  }

  /** The bytes of the total size of a case's documents, after locking the case's row against a parallel upload. */
  long sizeOfCase(String processInstanceId) {
    // serialises uploads to one case, so two cannot both pass the case's size limit
    jdbc.query("SELECT reference FROM foi_case WHERE process_instance_id = ? FOR UPDATE", rs -> null, processInstanceId);
    Long size = jdbc.queryForObject("SELECT COALESCE(SUM(size_bytes), 0) FROM foi_document WHERE process_instance_id = ?",
        Long.class, processInstanceId);
    return size == null ? 0 : size;
  }

  boolean holds(String processInstanceId, String sha256) {
    Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM foi_document WHERE process_instance_id = ? AND sha256 = ?",
        Integer.class, processInstanceId, sha256);
    return found != null && found > 0;
  }

  /** original, rendition or burned; null when absent (no burned copy cached). */
  byte[] bytes(String id, String column) {
    if (!List.of("original", "rendition", "burned").contains(column)) {
      throw new IllegalArgumentException(column);
    }
    List<byte[]> found = jdbc.query("SELECT " + column + " FROM foi_document WHERE id = ?", (rs, n) -> rs.getBytes(1), id);
    return found.isEmpty() ? null : found.get(0);
  }

  /** Keeps the burned-in copy, unless the document changed since it was made from version {@code version}. */
  void cacheBurned(String id, int version, byte[] burned) {
    jdbc.update("UPDATE foi_document SET burned = ? WHERE id = ? AND version = ?", burned, id, version);
  }

  /** The document changed (a redaction, a decision): its version moves on and its burned copy is dropped. */
  boolean touch(String id, int version) {
    return jdbc.update("UPDATE foi_document SET version = version + 1, burned = NULL WHERE id = ? AND version = ?",
        id, version) == 1;
  }

  boolean decide(String id, int version, DocumentDecision decision, List<String> exemptions, String by, Instant at) {
    return jdbc.update("UPDATE foi_document SET decision = ?, exemptions = ?, decided_by = ?, decided_at = ?,"
            + " version = version + 1, burned = NULL WHERE id = ? AND version = ?", decision.name(),
        String.join(",", exemptions), by, Timestamp.from(at), id, version) == 1;
  }

  boolean delete(String id, int version) {
    return jdbc.update("DELETE FROM foi_document WHERE id = ? AND version = ?", id, version) == 1;
  }

  void deleteAllOfDocument(String id) {
    jdbc.update("DELETE FROM foi_document_redaction WHERE document_id = ?", id);
  }

  int deleteAllOf(String processInstanceId) {
    jdbc.update("DELETE FROM foi_document_redaction WHERE document_id IN"
        + " (SELECT id FROM foi_document WHERE process_instance_id = ?)", processInstanceId);
    return jdbc.update("DELETE FROM foi_document WHERE process_instance_id = ?", processInstanceId);
  }

  void insertRedaction(RedactionRow row) {
    jdbc.update("INSERT INTO foi_document_redaction (id, document_id, kind, exemption, label, text, areas, match_count,"
            + " added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.id(), row.documentId(), row.kind(),
        row.exemption(), row.label(), row.text(), json(row.areas()), row.count(), row.addedBy(), Timestamp.from(row.addedAt()));
  }

  boolean deleteRedaction(String documentId, String id) {
    return jdbc.update("DELETE FROM foi_document_redaction WHERE document_id = ? AND id = ?", documentId, id) == 1;
  }

  /** Each document's redactions, oldest first, by document id. */
  Map<String, List<RedactionRow>> redactionsOf(String processInstanceId) {
    Map<String, List<RedactionRow>> byDocument = new LinkedHashMap<>();
    jdbc.query("SELECT r.id, r.document_id, r.kind, r.exemption, r.label, r.text, r.areas, r.match_count, r.added_by,"
            + " r.added_at FROM foi_document_redaction r JOIN foi_document d ON d.id = r.document_id"
            + " WHERE d.process_instance_id = ? ORDER BY r.added_at, r.id", rs -> {
          RedactionRow row = redaction(rs);
          byDocument.computeIfAbsent(row.documentId(), key -> new ArrayList<>()).add(row);
        }, processInstanceId);
    return byDocument;
  }

  private static Row row(ResultSet rs, int number) throws SQLException {
    String exemptions = rs.getString("exemptions");
    return new Row(rs.getString("id"), rs.getString("process_instance_id"), rs.getString("reference"),
        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
        rs.getInt("pages"), DocumentDecision.valueOf(rs.getString("decision")),
        exemptions == null || exemptions.isBlank() ? List.of() : Arrays.asList(exemptions.split(",")),
        rs.getString("added_by"), rs.getTimestamp("added_at").toInstant(), rs.getInt("version"));
  }

  private static RedactionRow redaction(ResultSet rs) throws SQLException {
    return new RedactionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), areas(rs.getString(7)), rs.getInt(8), rs.getString(9), rs.getTimestamp(10).toInstant());
  }

  private static String json(List<PageArea> areas) {
    try {
      return JSON.writeValueAsString(areas);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static List<PageArea> areas(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<PageArea>>() { });
    } catch (JsonProcessingException unreadable) {
      throw new IllegalStateException("a redaction's areas cannot be read", unreadable);
    }
  }
}
