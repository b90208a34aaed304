package org.foiflow.contributionpage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the contribution page reads of foi_contribution (written by org.foiflow.contributions) and what it writes:
 * the documents a unit added with its contribution (foi_contribution_document, V8).
 */
@Component
public class AskedContributions {

  /** One unit's contribution to a case; unitName falls back to the group id if the unit was removed. */
  public record Contribution(String id, String reference, String processInstanceId, String unitGroupId,
                             String unitName, LocalDate askedOn, LocalDate dueOn, String answer) {
  }

  private final JdbcTemplate jdbc;

  public AskedContributions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Contribution> find(String id) {
    return jdbc.query("SELECT c.id, c.reference, c.process_instance_id, c.unit_group_id, COALESCE(u.name, c.unit_group_id),"
            + " c.asked_on, c.due_on, c.answer FROM foi_contribution c"
            + " LEFT JOIN foi_business_unit u ON u.group_id = c.unit_group_id WHERE c.id = ?",
        (rs, n) -> new Contribution(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(), rs.getString(8)), id).stream().findFirst();
  }

  /** The documents the unit added with this contribution, in the order added. */
  public List<String> documentIds(String contributionId) {
    return jdbc.queryForList("SELECT l.document_id FROM foi_contribution_document l"
        + " JOIN foi_document d ON d.id = l.document_id WHERE l.contribution_id = ? ORDER BY d.added_at",
        String.class, contributionId);
  }

  void addDocument(String contributionId, String documentId) {
    jdbc.update("INSERT INTO foi_contribution_document (contribution_id, document_id) VALUES (?, ?)",
        contributionId, documentId);
  }
}
