package org.foiflow.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The search's query parameters as they came (GET /api/requests, the /cases form), each null when not given.
 * Bound as text, not as dates and numbers, so {@link SearchQuery#of} can name a bad one in plain words.
 */
public record SearchParameters(String q, String status, String receivedFrom, String receivedTo, String outcome,
                               String exemption, String page, String size) {

  public SearchQuery query() {
    return SearchQuery.of(q, status, receivedFrom, receivedTo, outcome, exemption, page, size);
  }

  /** The filters given, by parameter name, without the page: what a link to another page of results repeats. */
  Map<String, String> filters() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("q", q);
    given.put("status", status);
    given.put("receivedFrom", receivedFrom);
    given.put("receivedTo", receivedTo);
    given.put("outcome", outcome);
    given.put("exemption", exemption);
    given.put("size", size);
    given.values().removeIf(value -> value == null || value.isBlank());
    return given;
  }
}
