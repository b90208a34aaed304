package org.foiflow.correspondence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One letter in a case's (or review's) list of letters, as the API shows it: what the index "letters" holds
 * and where to get the letter as HTML and PDF. sentOn and channel appear once the letter was sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FiledLetter(String id, String type, String draftedAt, String sentOn, String channel, String html,
                          String pdf) {

  /** An entry of the index, its HTML and PDF under {@code basePath}. */
  static FiledLetter of(Map<String, Object> entry, String basePath) {
    String id = text(entry, "id");
    String base = basePath + "/" + id;
    return new FiledLetter(id, text(entry, "type"), text(entry, "draftedAt"), text(entry, "sentOn"),
        text(entry, "channel"), base + ".html", base + ".pdf");
  }

  private static String text(Map<String, Object> entry, String key) {
    Object value = entry.get(key);
    return value == null ? null : value.toString();
  }
}
