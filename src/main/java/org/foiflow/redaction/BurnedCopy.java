package org.foiflow.redaction;

import java.util.List;

/**
 * The released copy of a document with its redactions burned in, and the pages (1-based) that had to be
 * rasterised because their redacted content could not be removed from their text and proven gone.
 */
public record BurnedCopy(byte[] pdf, List<Integer> rasterisedPages) {

  public BurnedCopy {
    rasterisedPages = List.copyOf(rasterisedPages);
  }
}
