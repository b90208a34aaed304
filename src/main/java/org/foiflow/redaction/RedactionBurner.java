package org.foiflow.redaction;

import java.util.List;

/**
 * Burns redactions into a PDF: the text and image content under each mark is removed from the file, the area is
 * drawn black with its label, and the document is cleaned of what could quote the removed content (metadata,
 * attachments, annotations, forms, scripts, outlines). The rest of each page stays text.
 */
public final class RedactionBurner {

  private RedactionBurner() {}

  /** The released copy; with no marks, only the clean-up. */
  public static BurnedCopy burnIn(byte[] pdf, List<RedactionMark> marks) {
    throw new UnsupportedOperationException("not yet");
  }
}
