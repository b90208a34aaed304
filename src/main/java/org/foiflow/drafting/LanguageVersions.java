package org.foiflow.drafting;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A bilingual letter (Welsh Language Standards): the versions one after the other in one document, each after the
 * first on a new page, marked with its own language for screen readers and the PDF's text.
 */
final class LanguageVersions {

  private LanguageVersions() {
  }

  /** {@code first} with the letter of {@code next} (its {@code <main>}, or its body) after it, on a new page. */
  static String append(String first, String next) {
    Document into = Jsoup.parse(first);
    Document from = Jsoup.parse(next);
    Element content = from.selectFirst("main") != null ? from.selectFirst("main") : from.body();
    Element version = into.body().appendElement("div")
        .attr("class", "language-version")
        .attr("style", "page-break-before: always")
        .attr("lang", from.selectFirst("html").attr("lang"));
    for (org.jsoup.nodes.Node child : content.childNodesCopy()) {
      version.appendChild(child);
    }
    return into.outerHtml();
  }
}
