package org.foiflow.casefile;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/**
 * An FOI case as its foi-request process left it: its case-level values (without the letters' files), whether
 * it is closed, and who took part in its decision (assessed exemptions, harm or public interest, gave the
 * s.36 opinion or approved the response).
 */
public record OriginalCase(String reference, String processInstanceId, boolean closed, Map<String, Object> variables,
                           List<String> participants) {

  public OriginalCase {
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    participants = List.copyOf(participants);
  }

  public Object value(CaseVariable variable) {
    return variables.get(variable.key());
  }

  public String text(CaseVariable variable) {
    Object value = value(variable);
    if (value instanceof SpinJsonNode json && json.isString()) {
      return json.stringValue();
    }
    return value == null ? null : value.toString();
  }

  public LocalDate date(CaseVariable variable) {
    String value = text(variable);
    return value == null || value.isBlank() ? null : LocalDate.parse(value.substring(0, 10));
  }

  /** Copies the case's values of these variables, those it has, under the same names into another process. */
  public void copyTo(CaseFile file, Collection<CaseVariable> copied) {
    for (CaseVariable variable : copied) {
      if (value(variable) != null) {
        file.put(variable, value(variable));
      }
    }
  }

  /** The outcome the case closed with; null while it is open. */
  public String outcome() {
    return closed ? text(CaseVariable.OUTCOME) : null;
  }

  public String regime() {
    return text(CaseVariable.REGIME) == null ? "FOIA" : text(CaseVariable.REGIME);
  }

  /** The day the response went out, or for a case closed without one (lapsed), the day it closed. */
  public LocalDate answeredOn() {
    return date(CaseVariable.RESPONDED_ON) != null ? date(CaseVariable.RESPONDED_ON) : date(CaseVariable.CLOSED_ON);
  }
}
