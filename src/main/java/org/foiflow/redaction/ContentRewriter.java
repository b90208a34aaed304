package org.foiflow.redaction;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDTextState;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Rewrites a page's content stream without what lies under its marks. It runs the page through PDFBox's stream
 * engine, so every glyph is placed as a viewer places it, and copies each operator to a new stream: a text
 * operator showing a glyph whose centre is under a mark becomes a TJ array without that glyph's code, a number
 * taking its advance so the text after it stays where it was; an image under a mark is replaced by a copy with
 * the covered pixels black; a Form XObject whose content changed is replaced by a rewritten copy (the page's
 * resources are copied, so other pages sharing them keep theirs).
 */
final class ContentRewriter extends PDFGraphicsStreamEngine {

  private final PDDocument document;
  private final MarkedPage marked;
  private final Deque<Frame> frames = new ArrayDeque<>();
  private List<Shown> shown;
  private COSName replacement;

  private record Shown(int code, Vector displacement, boolean covered) {}

  /** One content stream being rewritten: its tokens, and its resources, copied once something is added. */
  private static final class Frame {
    final List<Object> tokens = new ArrayList<>();
    final PathBounds path;
    int pathStart = -1;
    final PDResources original;
    PDResources copy;
    boolean changed;

    Frame(PDResources original, MarkedPage marked) {
      this.original = original;
      this.path = new PathBounds(marked);
    }

    /**
     * Drops from the copied resources the XObjects the rewritten stream no longer draws: an image or form replaced
     * by its redacted copy would otherwise stay in the file.
     */
    void dropUndrawnXObjects() {
      if (copy == null) {
        return;
      }
      java.util.Set<COSName> drawn = new java.util.HashSet<>();
      for (int i = 1; i < tokens.size(); i++) {
        if (tokens.get(i) instanceof Operator op && "Do".equals(op.getName())
            && tokens.get(i - 1) instanceof COSName name) {
          drawn.add(name);
        }
      }
      if (copy.getCOSObject().getDictionaryObject(COSName.XOBJECT) instanceof COSDictionary xobjects) {
        for (COSName name : new ArrayList<>(xobjects.keySet())) {
          if (!drawn.contains(name)) {
            xobjects.removeItem(name);
          }
        }
      }
    }

    PDResources writable() {
      if (copy == null) {
        COSDictionary dict = original == null ? new COSDictionary() : new COSDictionary(original.getCOSObject());
        if (dict.getDictionaryObject(COSName.XOBJECT) instanceof COSDictionary xobjects) {
          dict.setItem(COSName.XOBJECT, new COSDictionary(xobjects));
        }
        copy = new PDResources(dict);
      }
      return copy;
    }
  }

  ContentRewriter(PDDocument document, PDPage page, MarkedPage marked) {
    super(page);
    this.document = document;
    this.marked = marked;
  }

  /** Rewrites the page in place: its new content stream and, when they changed, its resources. */
  void rewrite() throws IOException {
    PDPage page = getPage();
    Frame frame = new Frame(page.getResources(), marked);
    frames.push(frame);
    processPage(page);
    frames.pop();
    dropQuotingProperties(frame.writable());
    frame.dropUndrawnXObjects();
    PDStream stream = new PDStream(document);
    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
      out.write("q\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      new ContentStreamWriter(out).writeTokens(frame.tokens);
      out.write("\nQ\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    page.setContents(stream);
    if (frame.copy != null) {
      page.setResources(frame.copy);
    }
  }

  @Override
  protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
    Frame frame = frames.peek();
    String name = operator.getName();
    switch (name) {
      case "Tj", "TJ", "'", "\"" -> {
        List<Shown> before = shown;
        shown = new ArrayList<>();
        super.processOperator(operator, operands);
        List<Shown> glyphs = shown;
        shown = before;
        if (glyphs.stream().anyMatch(Shown::covered)) {
          frame.tokens.addAll(withoutCovered(name, operands, glyphs));
          frame.changed = true;
        } else {
          copy(frame, operator, operands);
        }
      }
      case "Do", "BI" -> {
        replacement = null;
        super.processOperator(operator, operands);
        if (replacement != null) {
          frame.tokens.add(replacement);
          frame.tokens.add(Operator.getOperator("Do"));
          frame.changed = true;
          replacement = null;
        } else {
          copy(frame, operator, operands);
        }
      }
      case "BDC", "DP" -> {
        super.processOperator(operator, operands);
        if (operands.size() == 2 && operands.get(1) instanceof COSDictionary properties
            && quotes(properties)) {
          frame.tokens.add(operands.get(0));
          frame.tokens.add(withoutQuotes(properties));
          frame.tokens.add(operator);
          frame.changed = true;
        } else {
          copy(frame, operator, operands);
        }
      }
      case "m", "l", "c", "v", "y", "h", "re" -> {
        if (frame.pathStart < 0) {
          frame.pathStart = frame.tokens.size();
        }
        super.processOperator(operator, operands);
        copy(frame, operator, operands);
      }
      case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n" -> {
        super.processOperator(operator, operands);
        if (!"n".equals(name) && frame.pathStart >= 0 && frame.path.paintedUnderAMark()) {
          // the whole path goes, not only its painting: its coordinates are the drawing
          frame.tokens.subList(frame.pathStart, frame.tokens.size()).clear();
          frame.changed = true;
        } else {
          copy(frame, operator, operands);
        }
        frame.pathStart = -1;
        frame.path.reset();
      }
      default -> {
        super.processOperator(operator, operands);
        copy(frame, operator, operands);
      }
    }
  }

  // marked content's replacement text, alternate description and expansion may quote what is removed
  private static final List<COSName> QUOTING = List.of(COSName.ACTUAL_TEXT, COSName.ALT, COSName.E);

  static boolean quotes(COSDictionary properties) {
    return QUOTING.stream().anyMatch(properties::containsKey);
  }

  private static COSDictionary withoutQuotes(COSDictionary properties) {
    COSDictionary copy = new COSDictionary(properties);
    QUOTING.forEach(copy::removeItem);
    return copy;
  }

  /** The page's named marked-content properties without their quoting entries (optional content is left). */
  private static void dropQuotingProperties(PDResources resources) {
    if (resources.getCOSObject().getDictionaryObject(COSName.PROPERTIES) instanceof COSDictionary properties) {
      COSDictionary cleaned = new COSDictionary();
      for (COSName name : properties.keySet()) {
        COSBase value = properties.getDictionaryObject(name);
        cleaned.setItem(name, value instanceof COSDictionary dict && quotes(dict) ? withoutQuotes(dict)
            : properties.getItem(name));
      }
      resources.getCOSObject().setItem(COSName.PROPERTIES, cleaned);
    }
  }

  private static void copy(Frame frame, Operator operator, List<COSBase> operands) {
    frame.tokens.addAll(operands);
    frame.tokens.add(operator);
  }

  @Override
  protected void operatorException(Operator operator, List<COSBase> operands, IOException e) {
    // PDFBox would log and skip it (and always skips a failing Do): skipped content is not provably clean
    throw new MarkedPage.Unprovable("operator " + operator.getName() + " failed: " + e.getMessage());
  }

  @Override
  public void showForm(PDFormXObject form) throws IOException {
    Frame inner = new Frame(form.getResources(), marked);
    frames.push(inner);
    try {
      super.showForm(form);
    } finally {
      frames.pop();
    }
    replaceIfChanged(form, inner);
  }

  @Override
  public void showTransparencyGroup(PDTransparencyGroup form) throws IOException {
    Frame inner = new Frame(form.getResources(), marked);
    frames.push(inner);
    try {
      super.showTransparencyGroup(form);
    } finally {
      frames.pop();
    }
    replaceIfChanged(form, inner);
  }

  private void replaceIfChanged(PDFormXObject form, Frame inner) throws IOException {
    if (!inner.changed) {
      return;
    }
    COSStream source = form.getCOSObject();
    COSStream rewritten = document.getDocument().createCOSStream();
    for (var entry : source.entrySet()) {
      COSName key = entry.getKey();
      if (!COSName.LENGTH.equals(key) && !COSName.FILTER.equals(key) && !COSName.DECODE_PARMS.equals(key)
          && !COSName.METADATA.equals(key) && !COSName.PIECE_INFO.equals(key)) {
        rewritten.setItem(key, entry.getValue());
      }
    }
    dropQuotingProperties(inner.writable());
    inner.dropUndrawnXObjects();
    if (inner.copy != null) {
      rewritten.setItem(COSName.RESOURCES, inner.copy.getCOSObject());
    }
    try (OutputStream out = rewritten.createOutputStream(COSName.FLATE_DECODE)) {
      new ContentStreamWriter(out).writeTokens(inner.tokens);
    }
    replacement = frames.peek().writable().add(new PDFormXObject(rewritten), "FfForm");
  }

  @Override
  protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) {
    // no descent into Type3 glyph procedures: the glyph is kept or removed whole
    Point2D centre = marked.geometry().glyphCentre(textRenderingMatrix, displacement);
    if (shown != null) {
      shown.add(new Shown(code, displacement, marked.covers(centre)));
    }
  }

  /** The operator's text without the covered glyphs: a TJ array, numbers in place of what was removed. */
  private List<Object> withoutCovered(String operator, List<COSBase> operands, List<Shown> glyphs)
      throws IOException {
    PDTextState state = getGraphicsState().getTextState();
    PDFont font = state.getFont();
    float size = state.getFontSize();
    if (font == null || size == 0 || font.isVertical()) {
      throw new MarkedPage.Unprovable("text without a usable font size, or vertical text");
    }
    List<Object> tokens = new ArrayList<>();
    COSArray source = new COSArray();
    switch (operator) {
      case "Tj" -> source.add(operands.get(0));
      case "'" -> {
        tokens.add(Operator.getOperator("T*"));
        source.add(operands.get(0));
      }
      case "\"" -> {
        tokens.add(operands.get(0));
        tokens.add(Operator.getOperator("Tw"));
        tokens.add(operands.get(1));
        tokens.add(Operator.getOperator("Tc"));
        tokens.add(Operator.getOperator("T*"));
        source.add(operands.get(2));
      }
      default -> source = (COSArray) operands.get(0);
    }
    TextArray out = new TextArray();
    Iterator<Shown> next = glyphs.iterator();
    for (COSBase element : source) {
      if (element instanceof COSNumber number) {
        out.move(number.floatValue());
      } else if (element instanceof COSString string) {
        byte[] bytes = string.getBytes();
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        int offset = 0;
        while (in.available() > 0) {
          int before = in.available();
          int code = font.readCode(in);
          int length = before - in.available();
          if (!next.hasNext()) {
            throw new MarkedPage.Unprovable("more codes than glyphs shown");
          }
          Shown glyph = next.next();
          if (glyph.code() != code) {
            throw new MarkedPage.Unprovable("codes read differently from the glyphs shown");
          }
          if (glyph.covered()) {
            float wordSpacing = length == 1 && code == 32 ? state.getWordSpacing() : 0;
            float advance = glyph.displacement().getX() * size + state.getCharacterSpacing() + wordSpacing;
            out.move(-advance * 1000 / size);
          } else {
            out.show(bytes, offset, length);
          }
          offset += length;
        }
      }
    }
    if (next.hasNext()) {
      throw new MarkedPage.Unprovable("more glyphs shown than codes");
    }
    tokens.add(out.array());
    tokens.add(Operator.getOperator("TJ"));
    return tokens;
  }

  /** A TJ array being built: runs of kept codes, and the movements between them. */
  private static final class TextArray {
    private final COSArray array = new COSArray();
    private final ByteArrayOutputStream run = new ByteArrayOutputStream();
    private float movement;
    private boolean moving;

    void move(float amount) {
      flushRun();
      movement += amount;
      moving = true;
    }

    void show(byte[] bytes, int offset, int length) {
      flushMovement();
      run.write(bytes, offset, length);
    }

    COSArray array() {
      flushRun();
      flushMovement();
      return array;
    }

    private void flushRun() {
      if (run.size() > 0) {
        array.add(new COSString(run.toByteArray()));
        run.reset();
      }
    }

    private void flushMovement() {
      if (moving) {
        array.add(new COSFloat(movement));
        movement = 0;
        moving = false;
      }
    }
  }

  @Override
  public void drawImage(PDImage image) throws IOException {
    Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
    if (!marked.touches(marked.imageBox(ctm))) {
      return;
    }
    if (image.isStencil()) {
      throw new MarkedPage.Unprovable("a stencil mask under a mark");
    }
    BufferedImage blacked = marked.blackedOut(image.getImage(), ctm);
    if (blacked != null) {
      PDImageXObject copy = LosslessFactory.createFromImage(document, blacked);
      replacement = frames.peek().writable().add((PDXObject) copy, "FfImage");
    }
  }

  // path callbacks: only where the path is, for the drawings a mark hides whole
  @Override
  public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    path().add(p0);
    path().add(p1);
    path().add(p2);
    path().add(p3);
  }

  @Override
  public void clip(int windingRule) {
    path().clip();
  }

  @Override
  public void moveTo(float x, float y) {
    path().add(x, y);
  }

  @Override
  public void lineTo(float x, float y) {
    path().add(x, y);
  }

  @Override
  public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    // the control points too: the curve lies within their hull
    path().add(x1, y1);
    path().add(x2, y2);
    path().add(x3, y3);
  }

  @Override
  public Point2D getCurrentPoint() {
    return path().current();
  }

  @Override
  public void closePath() {}

  @Override
  public void endPath() {}

  @Override
  public void strokePath() {}

  @Override
  public void fillPath(int windingRule) {}

  @Override
  public void fillAndStrokePath(int windingRule) {}

  @Override
  public void shadingFill(COSName shadingName) {}

  private PathBounds path() {
    return frames.peek().path;
  }
}
