package org.foiflow.reporting;

import static org.foiflow.casefile.CaseVariable.EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.EXTENDED_DUE_ON;
import static org.foiflow.casefile.CaseVariable.EXTENSION_KIND;
import static org.foiflow.casefile.CaseVariable.ORIGINAL_DUE_ON;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.foiflow.assessment.ExemptionCatalogue;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.OriginalCase;
import org.foiflow.casefile.OriginalCases;
import org.foiflow.clock.UkWorkingDays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes what the statistics need from a closed FOI case and foi_case does not hold, in SQL-friendly rows:
 * the due date before an extension, the extension's kind and length in working days (foi_case_report), and
 * each exemption or exception cited (foi_case_exemption). Called by the foi-request process when a case
 * ends (${reportingLedger.caseClosed(execution)}, in the engine's transaction), or from history for cases
 * that closed before that hook ({@link #recordFromHistory}). Recording a case again replaces its rows.
 */
@Component("reportingLedger")
public class ReportingLedger {

  private final JdbcTemplate jdbc;
  private final UkWorkingDays workingDays;
  private final OriginalCases originalCases;
  private final ExemptionCatalogue catalogue;

  public ReportingLedger(JdbcTemplate jdbc, UkWorkingDays workingDays, OriginalCases originalCases,
                         ExemptionCatalogue catalogue) {
    this.jdbc = jdbc;
    this.workingDays = workingDays;
    this.originalCases = originalCases;
    this.catalogue = catalogue;
  }

  /** The foi-request hook: an execution listener on the process's end event. */
  public void caseClosed(DelegateExecution foiCase) {
    CaseFile file = CaseFile.of(foiCase);
    record(file.reference(), file.date(ORIGINAL_DUE_ON), file.date(EXTENDED_DUE_ON), file.text(EXTENSION_KIND),
        file.codes(EXEMPTIONS));
  }

  /** The same from the engine's history, e.g. to fill the tables for cases closed before the hook existed. */
  public boolean recordFromHistory(String reference) {
    OriginalCase found = originalCases.find(reference).orElse(null);
    if (found == null) {
      return false;
    }
    record(reference, found.date(ORIGINAL_DUE_ON), found.date(EXTENDED_DUE_ON), found.text(EXTENSION_KIND),
        CaseFile.codes(found.value(EXEMPTIONS)));
    return true;
  }

  void record(String reference, LocalDate originalDue, LocalDate extendedDue, String extensionKind,
              List<String> exemptions) {
    if (reference == null) {
      return;
    }
    catalogue.check(exemptions);
    boolean extended = originalDue != null && extendedDue != null;
    jdbc.update("DELETE FROM foi_case_report WHERE reference = ?", reference);
    jdbc.update("INSERT INTO foi_case_report (reference, original_due_on, extended_due_on, extension_kind,"
            + " extension_working_days) VALUES (?, ?, ?, ?, ?)", reference,
        originalDue == null ? null : Date.valueOf(originalDue), extended ? Date.valueOf(extendedDue) : null,
        extended ? extensionKind : null, extended ? workingDays.workingDaysBetween(originalDue, extendedDue) : null);
    jdbc.update("DELETE FROM foi_case_exemption WHERE reference = ?", reference);
    for (String code : new LinkedHashSet<>(exemptions)) {
      jdbc.update("INSERT INTO foi_case_exemption (reference, code) VALUES (?, ?)", reference, code);
    }
  }
}
