package org.foiflow.casefile;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Typed reads of a case's process variables. Values arrive in several shapes: Java objects set by the
 * intake API and the beans, and JSON (Spin) values submitted by Camunda Forms in Tasklist.
 */
public final class CaseFile {

  private final VariableScope scope;

  private CaseFile(VariableScope scope) {
    this.scope = scope;
  }

  public static CaseFile of(VariableScope scope) {
    return new CaseFile(scope);
  }

  public String text(String name) {
    Object value = scope.getVariable(name);
    if (value instanceof SpinJsonNode json && json.isString()) {
      return json.stringValue();
    }
    return value == null ? null : value.toString();
  }

  /** Long text for a form field, such as a letter: a String, which {@link LongText} lets exceed 4000 characters. */
  public void putLongText(String name, String text) {
    scope.setVariable(name, text);
  }

  public boolean flag(String name) {
    Object value = scope.getVariable(name);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  public LocalDate date(String name) {
    String value = text(name);
    return value == null || value.isBlank() ? null : LocalDate.parse(value.substring(0, 10));
  }

  /**
   * A day a person says something happened (a clarification or fee received, sent with a message): refused with
   * the field named when it is not a date, lies in the future or before 2000 ({@link GivenDates}); null if absent.
   */
  public LocalDate dayThatHappened(String name, LocalDate today) {
    LocalDate day;
    try {
      day = date(name);
    } catch (DateTimeException | IndexOutOfBoundsException unreadable) {
      throw new CaseDataInvalidException(Map.of(name, "must be a date as YYYY-MM-DD"));
    }
    String problem = GivenDates.happenedProblem(day, today);
    if (problem != null) {
      throw new CaseDataInvalidException(Map.of(name, problem));
    }
    return day;
  }

  public String reference() {
    return text("reference");
  }

  /** A list of codes, e.g. the exemptions ticked in the assessment form's checklist. */
  public List<String> codes(String name) {
    return codes(scope.getVariable(name));
  }

  public static List<String> codes(Object value) {
    List<String> codes = new ArrayList<>();
    if (value instanceof Collection<?> collection) {
      collection.forEach(item -> codes.add(String.valueOf(item)));
    } else if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(item -> codes.add(item.isString() ? item.stringValue() : item.toString()));
    } else if (value instanceof String text && !text.isBlank()) {
      return codes(org.camunda.spin.Spin.JSON(text.startsWith("[") ? text : "[\"" + text + "\"]"));
    }
    return codes;
  }
}
