package org.foiflow.correspondence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.Map;

/**
 * One letter in a case's (or review's) list of letters, as the API shows it: what the index "letters" holds
 * and where to get the letter as HTML and PDF. sentOn and channel appear once the letter was sent; a letter that
 * goes by post (channel POST, also when its email was given up) has postedOn once an officer has posted it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FiledLetter(String id, String type, String draftedAt, String sentOn, String channel, String postedOn,
                          String html, String pdf) {

  /** An entry of the index, its HTML and PDF under {@code basePath}. */
  static FiledLetter of(Map<String, Object> entry, String basePath, Map<String, LocalDate> postings) {
    String id = text(entry, "id");
    String base = basePath + "/" + id;
    boolean byPost = postings.containsKey(id);
    LocalDate postedOn = postings.get(id);
    return new FiledLetter(id, text(entry, "type"), text(entry, "draftedAt"), text(entry, "sentOn"),
        byPost ? Correspondence.POST : text(entry, "channel"), postedOn == null ? null : postedOn.toString(),
        base + ".html", base + ".pdf");
  }

  private static String text(Map<String, Object> entry, String key) {
    Object value = entry.get(key);
    return value == null ? null : value.toString();
  }
}
