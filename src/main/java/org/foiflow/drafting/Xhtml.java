package org.foiflow.drafting;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.w3c.dom.Document;

/**
 * The rendered letter as a DOM: the PDF renderer needs XHTML, and the plain text is read from the same tree so
 * the two never disagree. jsoup reads the letter as a browser would (every HTML entity, unclosed tags), so the
 * templates may be ordinary HTML, and builds the DOM directly: no XML text in between, and nothing fetched
 * while parsing (no DTD, no external entity).
 */
final class Xhtml {

  private Xhtml() {
  }

  static Document parse(String html) {
    return of(Jsoup.parse(html));
  }

  /** The DOM of a letter jsoup has read already (the Markdown is read from the same parse). */
  static Document of(org.jsoup.nodes.Document parsed) {
    return W3CDom.convert(parsed);
  }
}
