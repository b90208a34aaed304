package org.foiflow.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The readable text of a rendered letter, for the approval form's text area and for officers to edit.
 * One paragraph per line with a blank line between paragraphs, headings underlined, lists with "- ":
 * {@link EditedText} reads this same layout back, so an unedited draft survives the round trip.
 * Elements marked {@code data-text="omit"} (the letterhead, the PDF page footer) are left out.
 */
final class PlainText {

  private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title");
  private static final Set<String> BLOCKS = Set.of("p", "div", "address", "section", "header", "footer", "main",
      "article", "body", "html", "dl", "dt", "dd", "figure", "nav", "aside", "hr", "center");

  private final List<String> blocks = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();

  private PlainText() {
  }

  static String of(Document document) {
    PlainText text = new PlainText();
    NodeList bodies = document.getElementsByTagName("body");
    text.walk(bodies.getLength() > 0 ? bodies.item(0) : document.getDocumentElement());
    text.flush();
    return String.join("\n\n", text.blocks) + "\n";
  }

  private void walk(Node node) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        inline(child.getNodeValue());
      } else if (child.getNodeType() == Node.ELEMENT_NODE) {
        element((Element) child);
      }
    }
  }

  private void element(Element element) {
    String name = element.getTagName().toLowerCase(Locale.ROOT);
    if (SKIPPED.contains(name) || "omit".equals(element.getAttribute("data-text"))) {
      return;
    }
    switch (name) {
      case "br" -> newline();
      case "h1", "h2" -> heading(element, '=');
      case "h3", "h4", "h5", "h6" -> heading(element, '-');
      case "ul", "ol" -> list(element, "ol".equals(name));
      case "table" -> table(element);
      case "blockquote" -> quote(element);
      default -> {
        if (BLOCKS.contains(name)) {
          flush();
          walk(element);
          flush();
        } else {
          walk(element);
        }
      }
    }
  }

  private void heading(Element element, char underline) {
    flush();
    String text = collapse(element.getTextContent());
    if (!text.isEmpty()) {
      blocks.add(text + "\n" + String.valueOf(underline).repeat(text.length()));
    }
  }

  private void list(Element list, boolean numbered) {
    flush();
    List<String> lines = new ArrayList<>();
    int number = 1;
    for (Node child = list.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element item && "li".equalsIgnoreCase(item.getTagName())
          && !"omit".equals(item.getAttribute("data-text"))) {
        String text = collapse(item.getTextContent());
        if (!text.isEmpty()) {
          lines.add((numbered ? number++ + ". " : "- ") + text);
        }
      }
    }
    if (!lines.isEmpty()) {
      blocks.add(String.join("\n", lines));
    }
  }

  private void table(Element table) {
    flush();
    List<String> lines = new ArrayList<>();
    NodeList rows = table.getElementsByTagName("tr");
    for (int r = 0; r < rows.getLength(); r++) {
      List<String> cells = new ArrayList<>();
      for (Node cell = rows.item(r).getFirstChild(); cell != null; cell = cell.getNextSibling()) {
        if (cell instanceof Element e && ("td".equalsIgnoreCase(e.getTagName()) || "th".equalsIgnoreCase(e.getTagName()))) {
          String text = collapse(e.getTextContent());
          if (!text.isEmpty()) {
            cells.add(text);
          }
        }
      }
      if (!cells.isEmpty()) {
        lines.add(String.join("  ", cells));
      }
    }
    if (!lines.isEmpty()) {
      blocks.add(String.join("\n", lines));
    }
  }

  private void quote(Element quote) {
    flush();
    PlainText inner = new PlainText();
    inner.walk(quote);
    inner.flush();
    if (!inner.blocks.isEmpty()) {
      // One quoted block, a line per paragraph: a quoted request reads as one piece.
      blocks.add("> " + String.join("\n", inner.blocks).replace("\n", "\n> "));
    }
  }

  private void inline(String text) {
    String collapsed = text.replaceAll("\\s+", " ");
    if (collapsed.isEmpty()) {
      return;
    }
    boolean atLineStart = current.length() == 0 || current.charAt(current.length() - 1) == '\n';
    if (collapsed.startsWith(" ") && (atLineStart || current.charAt(current.length() - 1) == ' ')) {
      collapsed = collapsed.substring(1);
    }
    current.append(collapsed);
  }

  private void newline() {
    while (current.length() > 0 && current.charAt(current.length() - 1) == ' ') {
      current.setLength(current.length() - 1);
    }
    current.append('\n');
  }

  private void flush() {
    String[] lines = current.toString().split("\n", -1);
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty()) {
        kept.add(trimmed);
      }
    }
    if (!kept.isEmpty()) {
      blocks.add(String.join("\n", kept));
    }
    current.setLength(0);
  }

  private static String collapse(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }
}
