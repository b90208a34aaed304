package org.foiflow.redaction;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDTilingPattern;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.PDSoftMask;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Checks a burned-in page as saved: no glyph but a mark's own label has its centre under a mark, every image
 * drawn under a mark is black there, and the page has no annotations. What it cannot read counts as not clean.
 */
final class BurnCheck extends PDFGraphicsStreamEngine {

  /** The key that tells the labels' font from the document's own fonts. */
  static final COSName LABEL_FONT_KEY = COSName.getPDFName("FoiflowRedactionLabel");

  private final MarkedPage marked;
  private final List<String> problems = new ArrayList<>();
  private final PathBounds path;

  private BurnCheck(PDPage page, MarkedPage marked) {
    super(page);
    this.marked = marked;
    this.path = new PathBounds(marked);
  }

  /** What is wrong with the page; empty when it is clean. */
  static List<String> problems(PDPage page, List<PageArea> areas) {
    BurnCheck check = new BurnCheck(page, new MarkedPage(page, areas));
    try {
      if (!page.getAnnotations().isEmpty()) {
        check.problems.add("annotations left on the page");
      }
      check.processPage(page);
      check.textOutsideTheContent(page.getResources());
    } catch (IOException | RuntimeException e) {
      check.problems.add("the page could not be read back: " + e.getMessage());
    }
    return check.problems;
  }

  /**
   * Text in a tiling pattern or a soft mask is drawn where the pattern or mask is used, which neither the
   * rewrite nor this check follows: a marked page with any is not provably clean.
   */
  private void textOutsideTheContent(PDResources resources) throws IOException {
    if (resources == null) {
      return;
    }
    for (COSName name : resources.getPatternNames()) {
      if (resources.getPattern(name) instanceof PDTilingPattern pattern && showsText(pattern)) {
        problems.add("text in a tiling pattern");
      }
    }
    for (COSName name : resources.getExtGStateNames()) {
      PDExtendedGraphicsState state = resources.getExtGState(name);
      PDSoftMask mask = state == null ? null : state.getSoftMask();
      if (mask != null && mask.getGroup() != null && showsText(mask.getGroup())) {
        problems.add("text in a soft mask");
      }
    }
  }

  private static boolean showsText(PDContentStream stream) throws IOException {
    for (Object token : new PDFStreamParser(stream).parse()) {
      if (token instanceof Operator op && List.of("Tj", "TJ", "'", "\"", "Do").contains(op.getName())) {
        // a Do may draw a form with text: not followed here either
        return true;
      }
    }
    return false;
  }

  @Override
  protected void operatorException(Operator operator, List<COSBase> operands, IOException e) {
    problems.add("operator " + operator.getName() + " failed: " + e.getMessage());
  }

  @Override
  protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) {
    if (font != null && font.getCOSObject().getBoolean(LABEL_FONT_KEY, false)) {
      return;
    }
    if (marked.covers(marked.geometry().glyphCentre(textRenderingMatrix, displacement))) {
      problems.add("a glyph (code " + code + ") left under a mark");
    }
  }

  @Override
  public void beginMarkedContentSequence(COSName tag, org.apache.pdfbox.cos.COSDictionary properties) {
    if (properties != null && ContentRewriter.quotes(properties)) {
      problems.add("marked content with a replacement or alternate text");
    }
  }

  @Override
  public void drawImage(PDImage image) throws IOException {
    Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
    if (!marked.touches(marked.imageBox(ctm))) {
      return;
    }
    if (image.isStencil()) {
      problems.add("a stencil mask under a mark");
      return;
    }
    BufferedImage pixels = image.getImage();
    int[] left = {0};
    marked.pixelsUnderMarks(ctm, pixels.getWidth(), pixels.getHeight(), (i, j) -> {
      int rgb = pixels.getRGB(i, j);
      if (((rgb >> 16) & 0xFF) > 8 || ((rgb >> 8) & 0xFF) > 8 || (rgb & 0xFF) > 8) {
        left[0]++;
      }
    });
    if (left[0] > 0) {
      problems.add(left[0] + " pixels of an image left under a mark");
    }
  }

  @Override
  public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    path.add(p0);
    path.add(p1);
    path.add(p2);
    path.add(p3);
  }

  @Override
  public void clip(int windingRule) {
    path.clip();
  }

  @Override
  public void moveTo(float x, float y) {
    path.add(x, y);
  }

  @Override
  public void lineTo(float x, float y) {
    path.add(x, y);
  }

  @Override
  public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    path.add(x1, y1);
    path.add(x2, y2);
    path.add(x3, y3);
  }

  @Override
  public Point2D getCurrentPoint() {
    return path.current();
  }

  @Override
  public void closePath() {}

  @Override
  public void endPath() {
    path.reset();
  }

  @Override
  public void strokePath() {
    painted();
  }

  @Override
  public void fillPath(int windingRule) {
    painted();
  }

  @Override
  public void fillAndStrokePath(int windingRule) {
    painted();
  }

  private void painted() {
    if (path.paintedUnderAMark()) {
      problems.add("a drawing left under a mark");
    }
    path.reset();
  }

  @Override
  public void shadingFill(COSName shadingName) {}
}
