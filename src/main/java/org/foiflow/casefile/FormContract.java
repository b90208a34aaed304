package org.foiflow.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Camunda Form promises about the values it submits: required fields, the allowed values of radio
 * buttons, selects and checklists, finite numbers within their bounds, plausible dates, and maximum lengths.
 * The engine checks a task's values against its own form when the task completes, so the REST API cannot
 * bypass what Tasklist enforces. Fields the form shows only under a condition are checked only for type and
 * allowed values (a date's rule included).
 */
public final class FormContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> CHOICES = Set.of("radio", "select", "checklist", "taglist");

  private final List<JsonNode> fields;
  private final Set<String> readOnlyKeys;

  private FormContract(List<JsonNode> fields, Set<String> readOnlyKeys) {
    this.fields = fields;
    this.readOnlyKeys = readOnlyKeys;
  }

  public static FormContract read(InputStream form) {
    try {
      List<JsonNode> fields = new ArrayList<>();
      Set<String> readOnly = new java.util.LinkedHashSet<>();
      collect(JSON.readTree(form).path("components"), fields, readOnly);
      return new FormContract(fields, Set.copyOf(readOnly));
    } catch (IOException unreadable) {
      throw new IllegalStateException("form cannot be read", unreadable);
    }
  }

  private static void collect(JsonNode components, List<JsonNode> into, Set<String> readOnly) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        if (component.path("readonly").asBoolean(false)) {
          readOnly.add(component.get("key").asText());
        } else {
          into.add(component);
        }
      }
      collect(component.path("components"), into, readOnly);
    }
  }

  /** The keys of the fields a user fills in: the only values a submission of this form may write. */
  public Set<String> editableKeys() {
    Set<String> keys = new java.util.LinkedHashSet<>();
    fields.forEach(field -> keys.add(field.get("key").asText()));
    return keys;
  }

  /**
   * The values of this form's date fields as the case keeps them (ISO {@code yyyy-MM-dd} text), for those given
   * otherwise: a person types 14/05/2026; scripts and links send 2026-05-14, which stays as it is. A value that is
   * no date at all (31/02/2026, 2026-13-01) is noted in {@code problems} under the field's key.
   */
  public Map<String, String> datesAsKept(Map<String, Object> values, Map<String, String> problems) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (JsonNode field : fields) {
      String key = field.get("key").asText();
      Object value = plain(values.get(key));
      if (isDate(field) && !isEmpty(value) && !(value instanceof Date)) {
        LocalDate day = date(value);
        if (day == null) {
          problems.put(key, "must be " + GivenDates.TYPED_FORMATS + ", for example 14/05/2026");
        } else if (value.toString().contains("/")) {
          kept.put(key, day.toString());
        }
      }
    }
    return kept;
  }

  /**
   * What a person reads as the field's name: its label on the form, without the typing hint ("Date received
   * (dd/mm/yyyy)" is "Date received"); null when the form has no such field.
   */
  public String label(String key) {
    for (JsonNode field : fields) {
      if (key.equals(field.get("key").asText())) {
        String label = field.path("label").asText(field.path("dateLabel").asText(""));
        return label.isBlank() ? null : label.replaceFirst("\\s*\\((dd/mm/yyyy|DD/MM/YYYY)\\)$", "").strip();
      }
    }
    return null;
  }

  /** The labels of every field, editable or shown, by key. */
  public Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    fields.forEach(field -> {
      String label = label(field.get("key").asText());
      if (label != null) {
        labels.put(field.get("key").asText(), label);
      }
    });
    return labels;
  }

  /** Whether the field of this key is a date field. */
  public boolean isDate(String key) {
    return fields.stream().anyMatch(field -> key.equals(field.get("key").asText()) && isDate(field));
  }

  /** A date field: Camunda's date picker, or a text field marked {@code "properties": {"date": ...}}. */
  private static boolean isDate(JsonNode field) {
    return "datetime".equals(field.path("type").asText()) || field.path("properties").has("date");
  }

  /** The keys of the fields the form only shows. */
  public Set<String> readOnlyKeys() {
    return readOnlyKeys;
  }

  /**
   * Each violated field with what is wrong, in the form's order; empty when the values keep the contract. Dates
   * keep {@link GivenDates}' rule against today; a date field the form marks {@code "properties": {"date": "due"}}
   * may lie in the future.
   */
  public Map<String, String> violations(Map<String, Object> values, LocalDate today) {
    Map<String, String> problems = new LinkedHashMap<>();
    for (JsonNode field : fields) {
      String key = field.get("key").asText();
      Object value = plain(values.get(key));
      JsonNode rules = field.path("validate");
      boolean conditional = field.has("conditional");
      String type = field.path("type").asText();
      if (isEmpty(value)) {
        // a checkbox on the form always answers true or false; a caller that sends neither has not answered,
        // unless the form says the box may be left out ("required": false: a flag that is false when not given)
        boolean checkboxAnswerNeeded = "checkbox".equals(type) && rules.path("required").asBoolean(true);
        if ((rules.path("required").asBoolean(false) || checkboxAnswerNeeded) && !conditional) {
          problems.put(key, "is required");
        }
        continue;
      }
      if (isDate(field)) {
        LocalDate day = date(value);
        String problem = day == null ? "must be " + GivenDates.TYPED_FORMATS + ", for example 14/05/2026"
            : "due".equals(field.path("properties").path("date").asText()) ? GivenDates.dueProblem(day)
            : GivenDates.happenedProblem(day, today);
        if (problem != null) {
          problems.put(key, problem);
        }
      } else if ("number".equals(type)) {
        Double number = number(value);
        if (number == null) {
          problems.put(key, "must be a number");
        } else if (!Double.isFinite(number)) {
          // NaN would pass every bound below, as no comparison with it is true
          problems.put(key, "must be a finite number");
        } else if (rules.has("min") && number < rules.get("min").asDouble()
            || rules.has("max") && number > rules.get("max").asDouble()) {
          problems.put(key, "must be between " + rules.path("min").asText("-") + " and " + rules.path("max").asText("-"));
        }
      } else if ("checkbox".equals(type) && !(value instanceof Boolean)
          && !"true".equals(value.toString()) && !"false".equals(value.toString())) {
        problems.put(key, "must be true or false");
      } else if (CHOICES.contains(type) && field.has("values")) {
        List<String> allowed = new ArrayList<>();
        field.get("values").forEach(option -> allowed.add(option.path("value").asText()));
        for (String chosen : value instanceof Collection<?> ? CaseFile.codes(value) : List.of(value.toString())) {
          if (!allowed.contains(chosen)) {
            problems.put(key, "'" + chosen + "' is not one of " + String.join(", ", allowed));
          }
        }
      } else if (rules.has("maxLength") && value.toString().length() > rules.get("maxLength").asInt()) {
        problems.put(key, "is longer than " + rules.get("maxLength").asInt() + " characters");
      }
    }
    return problems;
  }

  private static Object plain(Object value) {
    if (value instanceof org.camunda.spin.json.SpinJsonNode json) {
      if (json.isString()) {
        return json.stringValue();
      }
      if (json.isArray()) {
        return CaseFile.codes(json);
      }
      return json.toString();
    }
    return value;
  }

  private static boolean isEmpty(Object value) {
    return value == null || value instanceof String text && text.isBlank()
        || value instanceof Collection<?> collection && collection.isEmpty();
  }

  /**
   * A date field's day: typed in UK order (14/05/2026) in our forms; "YYYY-MM-DD" from Camunda's date picker and
   * scripts; the REST API may send a Date or a date-time.
   */
  private static LocalDate date(Object value) {
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), ZoneId.of("Europe/London"));
    }
    String text = value.toString().strip();
    if (text.contains("/")) {
      try {
        return GivenDates.typed(text);
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
    if (text.length() < 10 || text.length() > 10 && text.charAt(10) != 'T') {
      return null;
    }
    try {
      return LocalDate.parse(text.substring(0, 10));
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  private static Double number(Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    try {
      return Double.valueOf(value.toString());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
