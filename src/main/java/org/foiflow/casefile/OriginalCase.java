package org.foiflow.casefile;

import java.time.LocalDate;
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

  public Object value(String name) {
    return variables.get(name);
  }

  public String text(String name) {
    Object value = variables.get(name);
    if (value instanceof SpinJsonNode json && json.isString()) {
      return json.stringValue();
    }
    return value == null ? null : value.toString();
  }

  public LocalDate date(String name) {
    String value = text(name);
    return value == null || value.isBlank() ? null : LocalDate.parse(value.substring(0, 10));
  }

  /** The outcome the case closed with; null while it is open. */
  public String outcome() {
    return closed ? text("outcome") : null;
  }

  public String regime() {
    return text("regime") == null ? "FOIA" : text("regime");
  }

  /** The day the response went out, or for a case closed without one (lapsed), the day it closed. */
  public LocalDate answeredOn() {
    return date("respondedOn") != null ? date("respondedOn") : date("closedOn");
  }
}
