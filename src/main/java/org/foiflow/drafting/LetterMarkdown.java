package org.foiflow.drafting;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.markdown.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * A letter as Markdown, the form an officer edits it in and Tasklist's forms render: headings, paragraphs, lists,
 * quotes, bold and line breaks, both ways. The letter's own HTML is read into commonmark's tree and written out by
 * its renderer (which escapes what would otherwise read as markup), and an edit is read back by commonmark's
 * parser, so a draft that goes round unedited keeps its structure. A letter heading (h2) is "#", a subheading (h3)
 * "##": the underlined headings of the plain-text drafts of old read the same way. Elements marked
 * {@code data-text="omit"} (letterhead, page footer) are left out: the layout adds them again.
 */
final class LetterMarkdown {

  /** What an edited letter's body may hold, and nothing else: no link, image, script or style from an edit. */
  private static final Safelist LETTER_BODY = Safelist.none()
      .addTags("h2", "h3", "h4", "p", "br", "ul", "ol", "li", "blockquote", "strong", "em", "div")
      .addAttributes("ol", "start").addAttributes("div", "class");
  private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title", "template");
  private static final Set<String> INLINE = Set.of("span", "a", "b", "strong", "i", "em", "br", "small", "abbr",
      "cite", "code", "sup", "sub", "u", "time", "q");

  private static final Parser PARSER = Parser.builder().build();
  // An officer's line break within a paragraph is kept (address lines, a signature block), as in the old text
  private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
      .softbreak("<br>").build();
  private static final MarkdownRenderer MARKDOWN = MarkdownRenderer.builder().build();

  private LetterMarkdown() {
  }

  /** The letter's body as Markdown. */
  static String of(String letterHtml) {
    return of(Jsoup.parse(letterHtml));
  }

  /** The letter's body as Markdown, from the letter as jsoup read it (which this does not change). */
  static String of(org.jsoup.nodes.Document html) {
    Document markdown = new Document();
    blocks(html.body(), markdown);
    return MARKDOWN.render(markdown).strip() + "\n";
  }

  /**
   * An officer's Markdown as the body of a letter: HTML limited to the letter's own elements, each heading kept on
   * a page with the text it introduces (as the templates' keep-together blocks do).
   */
  static String bodyHtml(String markdown) {
    org.jsoup.nodes.Document body = Jsoup.parseBodyFragment(HTML.render(PARSER.parse(markdown == null ? "" : markdown)));
    for (Element heading : body.select("h1, h2, h3, h4, h5, h6")) {
      int level = Integer.parseInt(heading.tagName().substring(1));
      heading.tagName("h" + Math.min(level + 1, 4));
    }
    for (Element heading : body.select("h2, h3, h4")) {
      Element next = heading.nextElementSibling();
      Element together = heading.wrap("<div class=\"keep-together\"></div>").parent();
      if (next != null && !next.tagName().matches("h[2-4]") && together != null) {
        together.appendChild(next);
      }
    }
    return Jsoup.clean(body.body().html(), LETTER_BODY);
  }

  private static void blocks(Element container, org.commonmark.node.Node into) {
    Paragraph loose = null;
    for (Node child : container.childNodes()) {
      if (child instanceof Element element && omitted(element)) {
        continue;
      }
      boolean inline = child instanceof TextNode || child instanceof Element element
          && INLINE.contains(element.normalName());
      if (inline) {
        if (loose == null) {
          loose = new Paragraph();
        }
        inline(child, loose);
        continue;
      }
      loose = close(loose, into);
      if (child instanceof Element element) {
        block(element, into);
      }
    }
    close(loose, into);
  }

  private static void block(Element element, org.commonmark.node.Node into) {
    switch (element.normalName()) {
      case "h1", "h2" -> into.appendChild(heading(element, 1));
      case "h3" -> into.appendChild(heading(element, 2));
      case "h4", "h5", "h6" -> into.appendChild(heading(element, 3));
      case "p" -> close(inlineOf(element, new Paragraph()), into);
      case "ul", "ol" -> list(element, into);
      case "blockquote" -> {
        BlockQuote quote = new BlockQuote();
        blocks(element, quote);
        if (quote.getFirstChild() != null) {
          into.appendChild(quote);
        }
      }
      case "tr" -> close(row(element), into);
      default -> blocks(element, into);
    }
  }

  private static Heading heading(Element element, int level) {
    Heading heading = new Heading();
    heading.setLevel(level);
    heading.appendChild(new Text(collapse(element.text())));
    return heading;
  }

  private static void list(Element list, org.commonmark.node.Node into) {
    org.commonmark.node.ListBlock block;
    if ("ol".equals(list.normalName())) {
      OrderedList ordered = new OrderedList();
      ordered.setMarkerStartNumber(1);
      ordered.setMarkerDelimiter(".");
      block = ordered;
    } else {
      BulletList bullets = new BulletList();
      bullets.setMarker("-");
      block = bullets;
    }
    block.setTight(true);
    for (Element item : list.children()) {
      if (!"li".equals(item.normalName()) || omitted(item)) {
        continue;
      }
      ListItem listItem = new ListItem();
      blocks(item, listItem);
      if (listItem.getFirstChild() != null) {
        block.appendChild(listItem);
      }
    }
    if (block.getFirstChild() != null) {
      into.appendChild(block);
    }
  }

  /** A table row reads as one line, its cells two spaces apart, as in the plain text. */
  private static Paragraph row(Element row) {
    List<String> cells = row.children().stream().filter(cell -> cell.normalName().matches("t[dh]"))
        .map(cell -> collapse(cell.text())).filter(text -> !text.isEmpty()).toList();
    Paragraph paragraph = new Paragraph();
    if (!cells.isEmpty()) {
      paragraph.appendChild(new Text(String.join("  ", cells)));
    }
    return paragraph;
  }

  private static Paragraph inlineOf(Element element, Paragraph paragraph) {
    for (Node child : element.childNodes()) {
      inline(child, paragraph);
    }
    return paragraph;
  }

  private static void inline(Node node, org.commonmark.node.Node into) {
    if (node instanceof TextNode text) {
      String words = text.getWholeText().replaceAll("\\s+", " ");
      if (!words.isEmpty()) {
        into.appendChild(new Text(words));
      }
      return;
    }
    if (!(node instanceof Element element) || omitted(element)) {
      return;
    }
    switch (element.normalName()) {
      case "br" -> into.appendChild(new HardLineBreak());
      case "strong", "b" -> into.appendChild(emphasis(new StrongEmphasis("**"), element));
      case "em", "i" -> into.appendChild(emphasis(new Emphasis("*"), element));
      default -> element.childNodes().forEach(child -> inline(child, into));
    }
  }

  private static org.commonmark.node.Node emphasis(org.commonmark.node.Node emphasis, Element element) {
    element.childNodes().forEach(child -> inline(child, emphasis));
    return emphasis;
  }

  /** Adds the paragraph when it says something, trimmed at its ends and around its line breaks. */
  private static Paragraph close(Paragraph paragraph, org.commonmark.node.Node into) {
    if (paragraph == null) {
      return null;
    }
    trim(paragraph);
    if (paragraph.getFirstChild() != null) {
      into.appendChild(paragraph);
    }
    return null;
  }

  private static void trim(Paragraph paragraph) {
    boolean atLineStart = true;
    for (org.commonmark.node.Node node = paragraph.getFirstChild(); node != null; ) {
      org.commonmark.node.Node next = node.getNext();
      if (node instanceof Text text) {
        String literal = text.getLiteral();
        if (atLineStart) {
          literal = literal.stripLeading();
        }
        if (next == null || next instanceof HardLineBreak) {
          literal = literal.stripTrailing();
        }
        if (literal.isEmpty()) {
          node.unlink();
        } else {
          text.setLiteral(literal);
          atLineStart = false;
        }
      } else if (node instanceof HardLineBreak) {
        if (atLineStart || next == null) {
          node.unlink();
        }
        atLineStart = true;
      } else {
        atLineStart = false;
      }
      node = next;
    }
    while (paragraph.getLastChild() instanceof HardLineBreak last) {
      last.unlink();
    }
  }

  private static boolean omitted(Element element) {
    return SKIPPED.contains(element.normalName()) || "omit".equals(element.attr("data-text").toLowerCase(Locale.ROOT));
  }

  private static String collapse(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }
}
