package org.foiflow.drafting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Tolerant reading of process variables. The same variable can arrive as a Java value (set by a bean), as a
 * Camunda Spin JSON node (submitted by a Camunda Form) or as a JSON string (set through the REST API), and
 * numbers as Integer, Long, Double or text: a letter must not fail over the shape of a value.
 */
final class Values {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private Values() {
  }

  /** Spin nodes and JSON text turned into plain Java (String, Number, Boolean, List, Map). */
  static Object plain(Object value) {
    if (value instanceof SpinJsonNode node) {
      return parse(node.toString(), value);
    }
    if (value instanceof String text) {
      String trimmed = text.trim();
      if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
        return parse(trimmed, value);
      }
    }
    return value;
  }

  private static Object parse(String json, Object original) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException notJson) {
      return original instanceof SpinJsonNode ? json : original;
    }
  }

  static String text(Object value) {
    Object plain = plain(value);
    if (plain == null) {
      return null;
    }
    String text = plain instanceof Collection<?> || plain instanceof Map<?, ?> ? null : plain.toString().trim();
    return text == null || text.isEmpty() || "null".equals(text) ? null : text;
  }

  static BigDecimal number(Object value) {
    Object plain = plain(value);
    if (plain instanceof BigDecimal decimal) {
      return decimal;
    }
    if (plain instanceof Integer || plain instanceof Long || plain instanceof Short || plain instanceof Byte) {
      return BigDecimal.valueOf(((Number) plain).longValue());
    }
    if (plain instanceof Number number) {
      // NaN and infinity have no decimal: a letter shows no figure rather than failing
      return Double.isFinite(number.doubleValue()) ? new BigDecimal(number.toString()) : null;
    }
    String text = text(plain);
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text.replace("£", "").replace(",", "").trim());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  /** null when absent or unreadable; so a missing flag is told apart from false. */
  static Boolean flag(Object value) {
    Object plain = plain(value);
    if (plain instanceof Boolean b) {
      return b;
    }
    String text = text(plain);
    if (text == null) {
      return null;
    }
    if ("true".equalsIgnoreCase(text) || "yes".equalsIgnoreCase(text)) {
      return Boolean.TRUE;
    }
    if ("false".equalsIgnoreCase(text) || "no".equalsIgnoreCase(text)) {
      return Boolean.FALSE;
    }
    return null;
  }

  static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(flag(value));
  }

  static LocalDate date(Object value) {
    Object plain = plain(value);
    if (plain instanceof LocalDate date) {
      return date;
    }
    if (plain instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), UK);
    }
    if (plain instanceof java.time.temporal.TemporalAccessor temporal) {
      try {
        return LocalDate.from(temporal);
      } catch (java.time.DateTimeException noDate) {
        return null;
      }
    }
    String text = text(plain);
    if (text == null || text.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(text.substring(0, 10));
    } catch (DateTimeParseException notIso) {
      return null;
    }
  }

  /** A list of anything; a single value becomes a list of one. */
  static List<Object> list(Object value) {
    Object plain = plain(value);
    List<Object> items = new ArrayList<>();
    if (plain instanceof Collection<?> collection) {
      collection.forEach(item -> items.add(plain(item)));
    } else if (plain instanceof Object[] array) {
      for (Object item : array) {
        items.add(plain(item));
      }
    } else if (plain != null && text(plain) != null) {
      items.add(plain);
    }
    return items;
  }

  /** A map with String keys; anything that is not a map gives an empty one. */
  static Map<String, Object> map(Object value) {
    Object plain = plain(value);
    Map<String, Object> map = new LinkedHashMap<>();
    if (plain instanceof Map<?, ?> source) {
      source.forEach((key, item) -> map.put(String.valueOf(key), plain(item)));
    }
    return map;
  }
}
