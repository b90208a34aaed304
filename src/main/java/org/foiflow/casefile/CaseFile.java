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
 * Typed reads and writes of a process instance's variables, named by its model's contract ({@link CaseVariable},
 * and the other models' enums of {@link ProcessVariable}): the only way beans read and write them. Values arrive
 * in several shapes: Java objects set by the intake API and the beans, and JSON (Spin) values submitted by Camunda
 * Forms in Tasklist.
 */
public final class CaseFile {

  private final VariableScope scope;
  /** The values of a case read from history, when there is no live scope (a closed case); null otherwise. */
  private final Map<String, ?> recorded;

  private CaseFile(VariableScope scope, Map<String, ?> recorded) {
    this.scope = scope;
    this.recorded = recorded;
  }

  public static CaseFile of(VariableScope scope) {
    return new CaseFile(scope, null);
  }

  /**
   * A read-only file over values already read (e.g. from the engine's history, which holds closed cases too), by
   * variable name; the same typed reads as a live case, so pages read a case the way beans do.
   */
  public static CaseFile recorded(Map<String, ?> values) {
    return new CaseFile(null, Map.copyOf(values));
  }

  /** The value as the engine holds it (a Java object or JSON), null if absent. */
  public Object value(ProcessVariable variable) {
    return scope != null ? scope.getVariable(variable.key()) : recorded.get(variable.key());
  }

  public void put(ProcessVariable variable, Object value) {
    writable().setVariable(variable.key(), value);
  }

  public void remove(ProcessVariable variable) {
    writable().removeVariable(variable.key());
  }

  private VariableScope writable() {
    if (scope == null) {
      throw new UnsupportedOperationException("a case read from history is read only");
    }
    return scope;
  }

  public String text(ProcessVariable variable) {
    Object value = value(variable);
    if (value instanceof SpinJsonNode json && json.isString()) {
      return json.stringValue();
    }
    return value == null ? null : value.toString();
  }

  /** Long text for a form field, such as a letter: a String, which {@link LongText} lets exceed 4000 characters. */
  public void putLongText(ProcessVariable variable, String text) {
    put(variable, text);
  }

  public boolean flag(ProcessVariable variable) {
    Object value = value(variable);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  public LocalDate date(ProcessVariable variable) {
    String value = text(variable);
    return value == null || value.isBlank() ? null : LocalDate.parse(value.substring(0, 10));
  }

  /**
   * A day a person says something happened (a clarification or fee received, sent with a message): refused with
   * the field named when it is not a date, lies in the future or before 2000 ({@link GivenDates}); null if absent.
   */
  public LocalDate dayThatHappened(ProcessVariable variable, LocalDate today) {
    LocalDate day;
    try {
      day = date(variable);
    } catch (DateTimeException | IndexOutOfBoundsException unreadable) {
      throw new CaseDataInvalidException(Map.of(variable.key(), "must be a date as YYYY-MM-DD"));
    }
    String problem = GivenDates.happenedProblem(day, today);
    if (problem != null) {
      throw new CaseDataInvalidException(Map.of(variable.key(), problem));
    }
    return day;
  }

  public String reference() {
    return text(CaseVariable.REFERENCE);
  }

  /** A list of codes, e.g. the exemptions ticked in the assessment form's checklist. */
  public List<String> codes(ProcessVariable variable) {
    return codes(value(variable));
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
