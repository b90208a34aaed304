package org.foiflow.redaction;

import java.util.List;

/** One occurrence of a phrase or pattern: the text as found, and one area per line it spans. */
public record TextMatch(String text, List<PageArea> areas) {

  public TextMatch {
    areas = List.copyOf(areas);
  }
}
