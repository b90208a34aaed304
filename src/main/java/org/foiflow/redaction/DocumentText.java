package org.foiflow.redaction;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * A document's text in reading order (PDFBox's text extraction, which also finds the spaces a PDF does not
 * encode), each character with the box of the glyph it came from, so that a match in the text gives the areas
 * of the page it covers.
 */
final class DocumentText {

  /** One page's text: {@code boxes[i]} and {@code lines[i]} belong to {@code text.charAt(i)}; null box: a separator. */
  record PageText(int page, String text, List<Rectangle2D> boxes, int[] lines) {}

  private final List<PageText> pages;

  private DocumentText(List<PageText> pages) {
    this.pages = pages;
  }

  static DocumentText of(PDDocument document) {
    try {
      Reader reader = new Reader();
      reader.getText(document);
      return new DocumentText(List.copyOf(reader.pages.values()));
    } catch (IOException e) {
      throw new UnreadablePdfException("The text of the PDF could not be read.", e);
    }
  }

  List<PageText> pages() {
    return pages;
  }

  List<TextMatch> find(Pattern pattern) {
    return find(pattern, null);
  }

  /** As {@link #find(Pattern)}, giving up once the time is over (null: never): a pattern may backtrack for ages. */
  List<TextMatch> find(Pattern pattern, Duration limit) {
    long deadline = limit == null ? 0 : System.nanoTime() + limit.toNanos();
    List<TextMatch> matches = new ArrayList<>();
    for (PageText page : pages) {
      Matcher m = pattern.matcher(limit == null ? page.text() : new TimedText(page.text(), deadline, limit));
      while (m.find()) {
        if (m.end() == m.start()) {
          continue;
        }
        List<PageArea> areas = areas(page, m.start(), m.end());
        if (!areas.isEmpty()) {
          matches.add(new TextMatch(m.group().strip().replaceAll("\\s+", " "), areas));
        }
      }
    }
    return matches;
  }

  /**
   * Text that ends the matching once its deadline has passed: java.util.regex has no timeout, but every step of
   * its backtracking reads a character, so the check sits there (the clock is read every 4096 reads, to stay cheap).
   */
  private static final class TimedText implements CharSequence {
    private final String text;
    private final long deadline;
    private final Duration limit;
    private int reads;

    TimedText(String text, long deadline, Duration limit) {
      this.text = text;
      this.deadline = deadline;
      this.limit = limit;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0xFFF) == 0 && System.nanoTime() - deadline > 0) {
        throw new SlowPatternException(limit);
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** The boxes of characters start to end, one area per line. */
  private static List<PageArea> areas(PageText page, int start, int end) {
    Map<Integer, Rectangle2D> lines = new LinkedHashMap<>();
    for (int i = start; i < end; i++) {
      Rectangle2D box = page.boxes().get(i);
      if (box != null) {
        lines.merge(page.lines()[i], (Rectangle2D) box.clone(), (a, b) -> {
          a.add(b);
          return a;
        });
      }
    }
    List<PageArea> areas = new ArrayList<>();
    for (Rectangle2D r : lines.values()) {
      areas.add(new PageArea(page.page(), r.getX(), r.getY(), r.getWidth(), r.getHeight()));
    }
    return areas;
  }

  private static final class Reader extends PDFTextStripper {

    private final Map<Integer, PageText> pages = new LinkedHashMap<>();
    private final Map<TextPosition, Rectangle2D> glyphBoxes = new IdentityHashMap<>();
    private PageGeometry geometry;
    private Rectangle2D currentBox;
    private StringBuilder text;
    private List<Rectangle2D> boxes;
    private List<Integer> lines;
    private int line;
    private int pageNo;

    Reader() throws IOException {
      // in the order the page shows it: without sorting, PDFBox breaks the lines of a rotated page mid-word
      setSortByPosition(true);
    }

    @Override
    public String getText(PDDocument doc) throws IOException {
      writeText(doc, new StringWriter());
      return "";
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
      pageNo = getCurrentPageNo();
      geometry = new PageGeometry(page);
      text = new StringBuilder();
      boxes = new ArrayList<>();
      lines = new ArrayList<>();
      line = 0;
      glyphBoxes.clear();
      super.startPage(page);
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
      super.endPage(page);
      int[] lineArray = lines.stream().mapToInt(Integer::intValue).toArray();
      pages.put(pageNo, new PageText(pageNo, text.toString(), Collections.unmodifiableList(boxes), lineArray));
    }

    /**
     * PDFBox puts a marked-content sequence's replacement text (ActualText) in place of its glyphs, all of it on
     * the first glyph's box: the areas found would miss the glyphs that show the words. The glyphs themselves
     * are read instead.
     */
    @Override
    public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
      COSDictionary glyphsOnly = properties;
      if (properties != null && properties.containsKey(COSName.ACTUAL_TEXT)) {
        glyphsOnly = new COSDictionary(properties);
        glyphsOnly.removeItem(COSName.ACTUAL_TEXT);
      }
      super.beginMarkedContentSequence(tag, glyphsOnly);
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
        throws IOException {
      currentBox = geometry.glyphBox(textRenderingMatrix, displacement);
      super.showGlyph(textRenderingMatrix, font, code, displacement);
    }

    @Override
    protected void processTextPosition(TextPosition position) {
      glyphBoxes.put(position, currentBox);
      super.processTextPosition(position);
    }

    @Override
    protected void writeString(String string, List<TextPosition> positions) throws IOException {
      for (TextPosition p : positions) {
        String unicode = p.getUnicode();
        Rectangle2D box = glyphBoxes.get(p);
        for (int i = 0; i < unicode.length(); i++) {
          append(unicode.charAt(i), box);
        }
      }
    }

    @Override
    protected void writeWordSeparator() {
      append(' ', null);
    }

    @Override
    protected void writeLineSeparator() {
      append('\n', null);
      line++;
    }

    @Override
    protected void writeParagraphEnd() {
      append('\n', null);
      line++;
    }

    private void append(char c, Rectangle2D box) {
      text.append(c);
      boxes.add(box);
      lines.add(line);
    }
  }
}
