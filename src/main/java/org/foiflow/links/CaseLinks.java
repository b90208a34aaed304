package org.foiflow.links;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The links between cases (foi_case_link), written in the caller's transaction (inside the engine's when a task
 * listener records one), read from both ends.
 */
@Component
public class CaseLinks {

  /** A link as one case sees it: the other case, how they relate, and whether this case is the one it is about. */
  public record Link(String reference, String linkedReference, LinkKind kind, boolean recordedHere,
                     String recordedBy, Instant recordedAt, String note) {

    /** The wording from this case's side ("Repeats" or "Repeated by"). */
    public String label() {
      return recordedHere ? kind.label() : kind.inverseLabel();
    }
  }

  private final JdbcTemplate jdbc;

  public CaseLinks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records that {@code reference} relates to {@code linked}; recording the same link again changes nothing. */
  public boolean link(String reference, String linked, LinkKind kind, String recordedBy, String note) {
    if (reference.equals(linked)) {
      throw new IllegalArgumentException("A case cannot be linked to itself");
    }
    Integer already = jdbc.queryForObject("SELECT COUNT(*) FROM foi_case_link WHERE kind = ? AND"
        + " ((reference = ? AND linked_reference = ?) OR (reference = ? AND linked_reference = ?))",
        Integer.class, kind.name(), reference, linked, linked, reference);
    if (already != null && already > 0) {
      return false;
    }
    jdbc.update("INSERT INTO foi_case_link (reference, linked_reference, kind, recorded_by, recorded_at, note)"
        + " VALUES (?, ?, ?, ?, ?, ?)", reference, linked, kind.name(), recordedBy, Timestamp.from(Instant.now()), note);
    return true;
  }

  /** Removes the link of this kind between the two cases, whichever end it was recorded from; false when there was none. */
  public boolean unlink(String reference, String linked, LinkKind kind) {
    return jdbc.update("DELETE FROM foi_case_link WHERE kind = ? AND"
        + " ((reference = ? AND linked_reference = ?) OR (reference = ? AND linked_reference = ?))",
        kind.name(), reference, linked, linked, reference) > 0;
  }

  /** Every link of {@code reference}, from both ends, oldest first. */
  public List<Link> of(String reference) {
    List<Link> links = new ArrayList<>();
    jdbc.query("SELECT reference, linked_reference, kind, recorded_by, recorded_at, note FROM foi_case_link"
            + " WHERE reference = ? UNION ALL SELECT reference, linked_reference, kind, recorded_by, recorded_at, note"
            + " FROM foi_case_link WHERE linked_reference = ? ORDER BY recorded_at, reference, linked_reference",
        rs -> {
          boolean here = reference.equals(rs.getString(1));
          links.add(new Link(reference, here ? rs.getString(2) : rs.getString(1), LinkKind.valueOf(rs.getString(3)),
              here, rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)));
        }, reference, reference);
    return links;
  }
}
