package org.foiflow.redaction;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.util.Matrix;

/**
 * Burns redactions into a PDF: the text and image content under each mark is removed from the file (see
 * {@link ContentRewriter}), the area is drawn black with its label in white (still text, so "s.40(2)" can be
 * searched and read aloud), and the document is cleaned of what could quote the removed content
 * ({@link DocumentCleaning}). The rest of each page stays text. The copy is then read back and checked
 * ({@link BurnCheck}); a page that cannot be proven clean is rasterised at 150 dpi, its labels kept as text, and
 * listed in {@link BurnedCopy#rasterisedPages()}. A copy that still fails the check is never returned.
 */
public final class RedactionBurner {

  static final float RASTER_DPI = 150;
  private static final COSName LABEL_FONT = COSName.getPDFName("FfLabel");

  private RedactionBurner() {}

  /** The released copy; with no marks, only the clean-up. */
  public static BurnedCopy burnIn(byte[] pdf, List<RedactionMark> marks) {
    try {
      return burn(pdf, marks == null ? List.of() : marks);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BurnedCopy burn(byte[] pdf, List<RedactionMark> marks) throws IOException {
    Map<Integer, List<RedactionMark>> byPage = new TreeMap<>();
    Set<Integer> rasterised = new TreeSet<>();
    byte[] copy;
    try (PDDocument document = PdfFile.open(pdf)) {
      for (RedactionMark mark : marks) {
        PageArea area = mark.area();
        PdfFile.checkPage(document, area.page());
        if (!(area.width() > 0) || !(area.height() > 0)) {
          throw new IllegalArgumentException("a redaction's width and height must be more than 0");
        }
        byPage.computeIfAbsent(area.page(), p -> new ArrayList<>()).add(mark);
      }
      DocumentCleaning.clean(document);
      PDType1Font labelFont = labelFont();
      for (var entry : byPage.entrySet()) {
        PDPage page = document.getPage(entry.getKey() - 1);
        try {
          new ContentRewriter(document, page, new MarkedPage(page, areas(entry.getValue()))).rewrite();
        } catch (MarkedPage.Unprovable | IOException e) {
          rasterised.add(entry.getKey());
        }
        drawMarks(document, page, entry.getValue(), labelFont);
      }
      copy = PdfFile.save(document);
    }
    rasterised.addAll(uncleanPages(copy, byPage));
    if (rasterised.isEmpty()) {
      return new BurnedCopy(copy, List.of());
    }
    try (PDDocument document = PdfFile.open(copy)) {
      PDType1Font labelFont = labelFont();
      for (int page : rasterised) {
        rasterise(document, page, byPage.get(page), labelFont);
      }
      copy = PdfFile.save(document);
    }
    Set<Integer> unclean = uncleanPages(copy, byPage);
    if (!unclean.isEmpty()) {
      throw new IllegalStateException("The redactions could not be burned into pages " + unclean
          + ": no copy is released");
    }
    return new BurnedCopy(copy, List.copyOf(rasterised));
  }

  private static List<PageArea> areas(List<RedactionMark> marks) {
    return marks.stream().map(RedactionMark::area).toList();
  }

  /** The marked pages of a saved copy that fail the check. */
  private static Set<Integer> uncleanPages(byte[] copy, Map<Integer, List<RedactionMark>> byPage) throws IOException {
    Set<Integer> unclean = new TreeSet<>();
    try (PDDocument document = PdfFile.open(copy)) {
      for (var entry : byPage.entrySet()) {
        if (!BurnCheck.problems(document.getPage(entry.getKey() - 1), areas(entry.getValue())).isEmpty()) {
          unclean.add(entry.getKey());
        }
      }
    }
    return unclean;
  }

  private static PDType1Font labelFont() {
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    font.getCOSObject().setBoolean(BurnCheck.LABEL_FONT_KEY, true);
    return font;
  }

  /**
   * Adds the black boxes and then the labels to the page, each as its own content stream after the page's own
   * (which a "q" stream in front keeps from changing how they are drawn); the labels' stream comes last.
   */
  private static void drawMarks(PDDocument document, PDPage page, List<RedactionMark> marks, PDType1Font font)
      throws IOException {
    PageGeometry geometry = new PageGeometry(page);
    COSArray contents = new COSArray();
    contents.add(stream(document, "q\n"));
    COSBase existing = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
    if (existing instanceof COSArray array) {
      for (COSBase s : array) {
        contents.add(s);
      }
    } else if (existing instanceof COSStream s) {
      contents.add(s);
    }
    StringBuilder boxes = new StringBuilder("Q\nq 0 g\n");
    for (RedactionMark mark : marks) {
      Rectangle2D r = geometry.userRectangle(mark.area());
      boxes.append(String.format(java.util.Locale.ROOT, "%.3f %.3f %.3f %.3f re f%n", r.getX(), r.getY(),
          r.getWidth(), r.getHeight()));
    }
    boxes.append("Q\n");
    contents.add(stream(document, boxes.toString()));
    contents.add(labels(document, page, geometry, marks, font));
    page.getCOSObject().setItem(COSName.CONTENTS, contents);
  }

  /** The labels, white on the boxes, upright as the page is displayed. */
  private static COSStream labels(PDDocument document, PDPage page, PageGeometry geometry,
      List<RedactionMark> marks, PDType1Font font) throws IOException {
    PDResources resources = writableFonts(page);
    resources.put(LABEL_FONT, font);
    List<Object> tokens = new ArrayList<>();
    tokens.add(Operator.getOperator("q"));
    tokens.add(new COSFloat(1));
    tokens.add(Operator.getOperator("g"));
    for (RedactionMark mark : marks) {
      String label = mark.label() == null ? "" : mark.label().strip();
      byte[] encoded = encode(font, label);
      if (encoded.length == 0) {
        continue;
      }
      PageArea area = mark.area();
      float width = font.getStringWidth(new String(encoded, java.nio.charset.StandardCharsets.ISO_8859_1)) / 1000;
      // as big as the box allows, up to 10 points; never below 3
      float size = (float) Math.min(10, area.height() * 0.7);
      if (width * size > area.width() - 2) {
        size = (float) ((area.width() - 2) / width);
      }
      size = Math.max(size, 3);
      double x = area.x() + Math.max(1, (area.width() - width * size) / 2);
      double baseline = area.y() + area.height() / 2 + size * 0.35;
      Point2D origin = geometry.toUser(x, baseline);
      Matrix matrix = Matrix.getRotateInstance(Math.toRadians(geometry.rotation()), (float) origin.getX(),
          (float) origin.getY());
      tokens.add(Operator.getOperator("BT"));
      tokens.add(LABEL_FONT);
      tokens.add(new COSFloat(size));
      tokens.add(Operator.getOperator("Tf"));
      for (float v : new float[] {matrix.getScaleX(), matrix.getShearY(), matrix.getShearX(), matrix.getScaleY(),
          matrix.getTranslateX(), matrix.getTranslateY()}) {
        tokens.add(new COSFloat(v));
      }
      tokens.add(Operator.getOperator("Tm"));
      tokens.add(new COSString(encoded));
      tokens.add(Operator.getOperator("Tj"));
      tokens.add(Operator.getOperator("ET"));
    }
    tokens.add(Operator.getOperator("Q"));
    COSStream stream = document.getDocument().createCOSStream();
    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
      new ContentStreamWriter(out).writeTokens(tokens);
    }
    return stream;
  }

  /** The label in the font's encoding; a character it lacks becomes "?". */
  private static byte[] encode(PDType1Font font, String label) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < label.length(); ) {
      int cp = label.codePointAt(i);
      i += Character.charCount(cp);
      try {
        out.write(font.encode(new String(Character.toChars(cp))));
      } catch (IllegalArgumentException e) {
        out.write('?');
      }
    }
    return out.toByteArray();
  }

  /** The page's own resources with their own font dictionary, so that pages sharing resources are not changed. */
  private static PDResources writableFonts(PDPage page) {
    PDResources original = page.getResources();
    COSDictionary dict = original == null ? new COSDictionary() : new COSDictionary(original.getCOSObject());
    if (dict.getDictionaryObject(COSName.FONT) instanceof COSDictionary fonts) {
      dict.setItem(COSName.FONT, new COSDictionary(fonts));
    }
    PDResources resources = new PDResources(dict);
    page.setResources(resources);
    return resources;
  }

  private static COSStream stream(PDDocument document, String content) throws IOException {
    COSStream stream = document.getDocument().createCOSStream();
    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(content.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    return stream;
  }

  /**
   * Replaces a page by its picture: rendered without its labels (the boxes drawn, the rewritten content under
   * them), the pixels under the marks made black whatever the rendering left, the labels drawn again as text.
   * The page becomes upright (no /Rotate) with its crop box as its media box, so it looks as it did.
   */
  private static void rasterise(PDDocument document, int pageNumber, List<RedactionMark> marks, PDType1Font font)
      throws IOException {
    PDPage page = document.getPage(pageNumber - 1);
    if (page.getCOSObject().getDictionaryObject(COSName.CONTENTS) instanceof COSArray contents
        && contents.size() > 1) {
      COSArray withoutLabels = new COSArray();
      for (int i = 0; i < contents.size() - 1; i++) {
        withoutLabels.add(contents.get(i));
      }
      page.getCOSObject().setItem(COSName.CONTENTS, withoutLabels);
    }
    PageGeometry before = new PageGeometry(page);
    float width = (float) before.width();
    float height = (float) before.height();
    BufferedImage picture = new PDFRenderer(document).renderImageWithDPI(pageNumber - 1, RASTER_DPI, ImageType.RGB);

    PDRectangle box = new PDRectangle(0, 0, width, height);
    page.setRotation(0);
    page.setMediaBox(box);
    page.setCropBox(box);
    page.setBleedBox(null);
    page.setTrimBox(null);
    page.setArtBox(null);
    MarkedPage marked = new MarkedPage(page, areas(marks));
    Matrix placement = new Matrix(width, 0, 0, height, 0, 0);
    marked.pixelsUnderMarks(placement, picture.getWidth(), picture.getHeight(),
        (i, j) -> picture.setRGB(i, j, 0xFF000000));

    PDResources resources = new PDResources();
    PDImageXObject image = LosslessFactory.createFromImage(document, picture);
    COSName name = resources.add(image, "FfPage");
    page.setResources(resources);
    COSArray contents = new COSArray();
    contents.add(stream(document, String.format(java.util.Locale.ROOT, "q %.3f 0 0 %.3f 0 0 cm /%s Do Q%n",
        width, height, name.getName())));
    contents.add(labels(document, page, marked.geometry(), marks, font));
    page.getCOSObject().setItem(COSName.CONTENTS, contents);
  }
}
