package org.foiflow.redaction;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.foiflow.drafting.AuthorityProfile;
import org.foiflow.drafting.LetterDrafter;
import org.foiflow.drafting.LetterSettings;
import org.foiflow.drafting.PdfCopies;

/** PDFs made for the redaction tests, each the way a kind of real document holds its text. */
final class SamplePdfs {

  static final String LINE = "Report by Jane Doe about the budget.";

  private SamplePdfs() {}

  interface Drawing {
    void draw(PDDocument document, PDPage page, PDPageContentStream content) throws IOException;
  }

  /** One A4 page drawn by {@code drawing}, optionally rotated. */
  static byte[] page(int rotation, Drawing drawing) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      page.setRotation(rotation);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        drawing.draw(document, page, content);
      }
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PDFont helvetica() {
    return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  }

  /** LiberationSans embedded as a subset, Identity-H: two-byte codes that are glyph ids, not characters. */
  static PDFont liberationSans(PDDocument document) throws IOException {
    try (InputStream in = SamplePdfs.class.getResourceAsStream("/fonts/LiberationSans-Regular.ttf")) {
      return PDType0Font.load(document, in, true);
    }
  }

  static void line(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
      throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, y);
    content.showText(text);
    content.endText();
  }

  /** The sample line in Helvetica (a standard 14 font, one byte a character), with a second line under it. */
  static byte[] standardFont() {
    return page(0, (d, p, c) -> {
      line(c, helvetica(), 12, 72, 700, LINE);
      line(c, helvetica(), 12, 72, 680, "Nothing on this line is redacted.");
    });
  }

  static byte[] embeddedSubset() {
    return page(0, (d, p, c) -> {
      PDFont font = liberationSans(d);
      line(c, font, 12, 72, 700, LINE);
      line(c, font, 12, 72, 680, "Nothing on this line is redacted.");
    });
  }

  /** The sample line as one TJ array with kerning inside and across the redacted words. */
  static byte[] kernedArray() {
    return page(0, (d, p, c) -> {
      c.beginText();
      c.setFont(helvetica(), 12);
      c.newLineAtOffset(72, 700);
      c.showTextWithPositioning(new Object[] {"Rep", 15f, "ort by J", -20f, "ane D", 40f, "oe ab", -10f,
          "out the budget."});
      c.endText();
    });
  }

  /** The sample lines on a page whose crop box does not start at the media box's origin. */
  static byte[] cropped() {
    return page(0, (d, p, c) -> {
      p.setCropBox(new PDRectangle(40, 300, 450, 500));
      line(c, helvetica(), 12, 72, 700, LINE);
      line(c, helvetica(), 12, 72, 680, "Nothing on this line is redacted.");
    });
  }

  static byte[] rotated() {
    return page(90, (d, p, c) -> {
      line(c, helvetica(), 12, 72, 700, LINE);
      line(c, helvetica(), 12, 72, 680, "Nothing on this line is redacted.");
    });
  }

  /**
   * The sample line in marked content whose replacement text (ActualText, read by screen readers and by
   * pdftotext) and alternate description quote it: one inline, one a named resource.
   */
  static byte[] markedContentQuotingIt() {
    return page(0, (d, p, c) -> {
      org.apache.pdfbox.cos.COSDictionary named = new org.apache.pdfbox.cos.COSDictionary();
      named.setString(COSName.ACTUAL_TEXT, "Report by Jane Doe");
      c.beginMarkedContent(COSName.getPDFName("Span"),
          org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList.create(named));
      line(c, helvetica(), 12, 72, 700, LINE);
      c.endMarkedContent();
      // inline: PDPageContentStream only writes named properties, so this line is written by hand
      PDResources resources = p.getResources();
      COSName font = resources.add(helvetica());
      c.appendRawCommands("/Span <</ActualText (Jane Doe wrote it) /Alt (Jane Doe)>> BDC BT /" + font.getName()
          + " 12 Tf 72 680 Td (Jane Doe wrote it) Tj ET EMC\n");
    });
  }

  /**
   * The sample line with a signature drawn as curves over the name (wholly inside its area), and a rule drawn
   * across the line (in and out of it).
   */
  static byte[] drawingsOverTheName() {
    return page(0, (d, p, c) -> {
      line(c, helvetica(), 12, 72, 700, LINE);
      c.moveTo(130, 703);
      c.curveTo(140, 709, 150, 699, 160, 705);
      c.curveTo(165, 708, 170, 700, 175, 704);
      c.stroke();
      c.moveTo(60, 705);
      c.lineTo(300, 705);
      c.stroke();
    });
  }

  /** A red picture across the middle of the page, with text above it. */
  static byte[] imageUnderText() {
    return page(0, (d, p, c) -> {
      BufferedImage red = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = red.createGraphics();
      g.setColor(Color.RED);
      g.fillRect(0, 0, 200, 100);
      g.dispose();
      PDImageXObject image = LosslessFactory.createFromImage(d, red);
      c.drawImage(image, 72, 500, 200, 100);
      line(c, helvetica(), 12, 72, 700, LINE);
    });
  }

  /** The sample line inside a Form XObject drawn on the page. */
  static byte[] formXObject() {
    return page(0, (d, p, c) -> {
      PDFormXObject form = new PDFormXObject(d);
      form.setBBox(new PDRectangle(0, 0, 400, 50));
      form.setResources(new PDResources());
      try (PDFormContentStream fc = new PDFormContentStream(form)) {
        fc.beginText();
        fc.setFont(helvetica(), 12);
        fc.newLineAtOffset(0, 20);
        fc.showText(LINE);
        fc.endText();
      }
      c.saveGraphicsState();
      c.transform(org.apache.pdfbox.util.Matrix.getTranslateInstance(72, 680));
      c.drawForm(form);
      c.restoreGraphicsState();
    });
  }

  /** A 1-bit stencil mask (painted with the fill colour) under the text: what the burner cannot rewrite. */
  static byte[] stencilUnderText() {
    return page(0, (d, p, c) -> {
      COSStream stream = d.getDocument().createCOSStream();
      stream.setItem(COSName.TYPE, COSName.XOBJECT);
      stream.setItem(COSName.SUBTYPE, COSName.IMAGE);
      stream.setInt(COSName.WIDTH, 8);
      stream.setInt(COSName.HEIGHT, 8);
      stream.setBoolean(COSName.IMAGE_MASK, true);
      stream.setInt(COSName.BITS_PER_COMPONENT, 1);
      try (OutputStream out = stream.createOutputStream()) {
        out.write(new byte[] {0x55, (byte) 0xAA, 0x55, (byte) 0xAA, 0x55, (byte) 0xAA, 0x55, (byte) 0xAA});
      }
      c.setNonStrokingColor(Color.BLUE);
      c.drawImage(new PDImageXObject(new org.apache.pdfbox.pdmodel.common.PDStream(stream), null), 72, 690, 300,
          30);
      c.setNonStrokingColor(Color.BLACK);
      line(c, helvetica(), 12, 72, 700, LINE);
      line(c, helvetica(), 12, 72, 600, "Nothing on this line is redacted.");
    });
  }

  /** The sample line, and a rectangle filled with a tiling pattern that writes the name: text the burner cannot follow. */
  static byte[] patternWithText() {
    return page(0, (d, p, c) -> {
      org.apache.pdfbox.pdmodel.graphics.pattern.PDTilingPattern pattern =
          new org.apache.pdfbox.pdmodel.graphics.pattern.PDTilingPattern();
      pattern.setBBox(new PDRectangle(0, 0, 120, 20));
      pattern.setXStep(120);
      pattern.setYStep(20);
      pattern.setPaintType(1); // coloured
      pattern.setTilingType(1); // constant spacing
      PDResources patternResources = new PDResources();
      COSName font = patternResources.add(helvetica());
      pattern.setResources(patternResources);
      try (OutputStream out = pattern.getContentStream().createOutputStream()) {
        out.write(("BT /" + font.getName() + " 10 Tf 2 6 Td (Jane Doe) Tj ET").getBytes(StandardCharsets.US_ASCII));
      }
      COSName name = p.getResources().add(pattern);
      line(c, helvetica(), 12, 72, 700, LINE);
      c.appendRawCommands("/Pattern cs /" + name.getName() + " scn 72 500 240 40 re f\n");
    });
  }

  /**
   * The sample line with everything around it quoting the redacted name: document information, XMP metadata, an
   * attachment, a bookmark, a link and a comment.
   */
  static byte[] quotedAround() {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream c = new PDPageContentStream(document, page)) {
        line(c, helvetica(), 12, 72, 700, LINE);
      }
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Complaint of Jane Doe");
      info.setAuthor("Jane Doe");
      info.setCreationDate(Calendar.getInstance());
      PDMetadata metadata = new PDMetadata(document);
      metadata.importXMPMetadata(("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/"
          + "1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/"
          + "1.1/\"><dc:creator>Jane Doe</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>")
          .getBytes(StandardCharsets.UTF_8));
      document.getDocumentCatalog().setMetadata(metadata);

      PDEmbeddedFile file = new PDEmbeddedFile(document,
          new java.io.ByteArrayInputStream("Notes on Jane Doe".getBytes(StandardCharsets.UTF_8)));
      PDComplexFileSpecification spec = new PDComplexFileSpecification();
      spec.setFile("jane-doe.txt");
      spec.setEmbeddedFile(file);
      PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
      files.setNames(Map.of("jane-doe.txt", spec));
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
      names.setEmbeddedFiles(files);
      document.getDocumentCatalog().setNames(names);

      PDDocumentOutline outline = new PDDocumentOutline();
      PDOutlineItem item = new PDOutlineItem();
      item.setTitle("Jane Doe's complaint");
      item.setDestination(page);
      outline.addLast(item);
      document.getDocumentCatalog().setDocumentOutline(outline);

      PDAnnotationLink link = new PDAnnotationLink();
      link.setRectangle(new PDRectangle(72, 695, 200, 15));
      PDActionURI uri = new PDActionURI();
      uri.setURI("mailto:jane.doe@example.org?subject=Jane%20Doe");
      link.setAction(uri);
      PDAnnotationText comment = new PDAnnotationText();
      comment.setRectangle(new PDRectangle(300, 695, 20, 20));
      comment.setContents("Ask Jane Doe first");
      page.setAnnotations(List.of(link, comment));
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A letter rendered by the application's own HTML to PDF path (openhtmltopdf, tagged, LiberationSans). */
  static byte[] letter(String bodyHtml) {
    LetterDrafter drafter = new LetterDrafter(AuthorityProfile.defaults(),
        new LetterSettings(LetterSettings.DEFAULT_LOCATION, Duration.ofSeconds(30)), Clock.systemDefaultZone());
    return new PdfCopies(drafter).of("<html><head><title>Letter</title>"
        + "<style>body { font-family: 'Letter Sans'; font-size: 11pt; }</style></head><body>" + bodyHtml
        + "</body></html>");
  }

  static byte[] save(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }
}
