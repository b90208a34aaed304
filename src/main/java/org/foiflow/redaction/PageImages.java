package org.foiflow.redaction;

import java.util.List;

/** Pages as pictures, for the redaction page's view, and their sizes as displayed. */
public final class PageImages {

  private PageImages() {}

  /** Each page's size as displayed (crop box, /Rotate applied), in points. */
  public static List<PageSize> sizes(byte[] pdf) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Page {@code page} (1-based) as a PNG at {@code dpi}. */
  public static byte[] png(byte[] pdf, int page, float dpi) {
    throw new UnsupportedOperationException("not yet");
  }
}
