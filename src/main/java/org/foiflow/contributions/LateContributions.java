package org.foiflow.contributions;

import static org.foiflow.casefile.CaseVariable.DUE_ON;
import static org.foiflow.casefile.CaseVariable.RESPONDED_ON;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.foiflow.casefile.CaseFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which unit caused a late response: when a response goes after the statutory date, every contribution of the case
 * that was itself late is marked as a cause (the statistics count late responses by those units). Called by the
 * foi-request model's "Response issued" end event, in the engine's transaction.
 */
@Component("lateContributions")
public class LateContributions {

  private final JdbcTemplate jdbc;

  public LateContributions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void responseIssued(DelegateExecution foiCase) {
    CaseFile file = CaseFile.of(foiCase);
    LocalDate respondedOn = file.date(RESPONDED_ON);
    LocalDate dueOn = file.date(DUE_ON);
    if (respondedOn != null && dueOn != null && respondedOn.isAfter(dueOn)) {
      jdbc.update("UPDATE foi_contribution SET caused_late_response = TRUE WHERE reference = ? AND late = TRUE",
          file.reference());
    }
  }
}
