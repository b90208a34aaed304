package org.foiflow.documents;

import java.time.Instant;
import java.util.List;
import org.foiflow.redaction.PageArea;

/**
 * One redaction of a document: the exemption (catalogue code, e.g. s40-2) that justifies it and its label as
 * burned on the page (s.40(2)); the phrase or pattern of a text redaction (null for a box drawn on a page); the
 * areas it covers and how many places (matches, or 1 for a box).
 */
public record DocumentRedaction(String id, String exemption, String label, String text, List<PageArea> areas, int count,
                                String addedBy, Instant addedAt) {

  public DocumentRedaction {
    areas = List.copyOf(areas);
  }
}
