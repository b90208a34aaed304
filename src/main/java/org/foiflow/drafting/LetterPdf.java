package org.foiflow.drafting;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.w3c.dom.Document;

/**
 * HTML to PDF with openhtmltopdf. The font is embedded (subset) so the letter looks the same on every
 * reader and "£", "–" and curly quotes print: Liberation Sans, shipped in src/main/resources/fonts, with
 * the copy of its regular face inside PDFBox as a fallback.
 */
final class LetterPdf {

  /** The font family the templates' CSS names first. */
  static final String FAMILY = "Letter Sans";
  private static final String FONTS = "/fonts/";
  private static final String PDFBOX_FALLBACK = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  // The font files, read once.
  private static final byte[] REGULAR = fontFile("LiberationSans-Regular.ttf");
  private static final byte[] BOLD = fontFile("LiberationSans-Bold.ttf");
  private static final byte[] ITALIC = fontFile("LiberationSans-Italic.ttf");

  static {
    if (XRLog.getLoggerImpl() == null || XRLog.getLoggerImpl().getClass().getName().startsWith("com.openhtmltopdf")) {
      XRLog.setLoggerImpl(new Slf4jXrLogger());
    }
  }

  private LetterPdf() {
  }

  static byte[] render(Document document, String baseUri) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    Faces faces = borrowFaces();
    try (PDDocument pdf = new PDDocument()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withProducer("foiflow");
      // Tagged PDF (PDF/UA): public bodies' letters must work with screen readers.
      builder.usePdfUaAccessibility(true);
      builder.withW3cDocument(document, baseUri);
      fetchNothing(builder);
      builder.usePDDocument(pdf);
      font(builder, pdf, faces.regular, 400, FontStyle.NORMAL);
      font(builder, pdf, faces.bold, 700, FontStyle.NORMAL);
      font(builder, pdf, faces.italic, 400, FontStyle.ITALIC);
      builder.toStream(out);
      builder.run();
    } catch (IOException | RuntimeException failed) {
      throw new IllegalStateException("the letter could not be rendered as PDF: " + failed.getMessage(), failed);
    } finally {
      IDLE_FACES.offer(faces);
    }
    return out.toByteArray();
  }

  /**
   * A letter carries everything it shows: rendering fetches nothing from the network, the disk or the class path,
   * so a link in a letter cannot make the server call another machine or read its files. data: URIs (an inline
   * image) still work; the fonts are handed over with useFont, not fetched.
   */
  private static void fetchNothing(PdfRendererBuilder builder) {
    builder.useUriResolver((base, uri) -> isData(uri) ? uri : null);
    builder.useExternalResourceAccessControl((uri, type) -> isData(uri),
        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    builder.useExternalResourceAccessControl((uri, type) -> isData(uri),
        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    builder.useHttpStreamImplementation(NO_STREAM);
    builder.useProtocolsStreamImplementation(NO_STREAM, "file", "jar", "classpath", "ftp", "http", "https");
  }

  private static final FSStreamFactory NO_STREAM = uri -> new FSStream() {
    @Override
    public InputStream getStream() {
      return null;
    }

    @Override
    public Reader getReader() {
      return null;
    }
  };

  private static boolean isData(String uri) {
    return uri != null && uri.regionMatches(true, 0, "data:", 0, 5);
  }

  private static void font(PdfRendererBuilder builder, PDDocument pdf, TrueTypeFont face, int weight, FontStyle style) {
    if (face == null) {
      return; // no TrueType font at all: openhtmltopdf falls back to the PDF base fonts (Helvetica).
    }
    builder.useFont(new Face(pdf, face), FAMILY, weight, style, true);
  }

  /**
   * Parsed fonts, reused from letter to letter: parsing and reading a font's tables took half of a letter's
   * rendering time. A parsed font reads its file as it goes, so each one serves one letter at a time; there
   * are as many sets as letters were ever rendered at once.
   */
  private static final Queue<Faces> IDLE_FACES = new ConcurrentLinkedQueue<>();

  private record Faces(TrueTypeFont regular, TrueTypeFont bold, TrueTypeFont italic) {
  }

  private static Faces borrowFaces() {
    Faces faces = IDLE_FACES.poll();
    return faces != null ? faces : new Faces(parse(REGULAR), parse(BOLD), parse(ITALIC));
  }

  private static TrueTypeFont parse(byte[] file) {
    if (file == null) {
      return null;
    }
    try {
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(file));
      // PDFBox 3 runs every line of text through the font's glyph substitution (GSUB) rules, compiling
      // regular expressions each time: nearly nine tenths of a letter's PDF time (docs/benchmarks.md).
      // Latin letters need no substitution; without it ligatures are not formed, and copied text stays plain.
      ttf.setEnableGsub(false);
      return ttf;
    } catch (IOException unreadable) {
      throw new UncheckedIOException("the letter font cannot be read", unreadable);
    }
  }

  /** One face of the font, added to this letter's PDF only when the letter uses it. */
  private static final class Face extends PDFontSupplier {

    private final PDDocument pdf;
    private final TrueTypeFont ttf;
    private PDFont font;

    Face(PDDocument pdf, TrueTypeFont ttf) {
      super(null);
      this.pdf = pdf;
      this.ttf = ttf;
    }

    @Override
    public PDFont supply() {
      if (font == null) {
        try {
          font = PDType0Font.load(pdf, ttf, true);
        } catch (IOException unreadable) {
          throw new UncheckedIOException("the letter font cannot be read", unreadable);
        }
      }
      return font;
    }
  }

  private static byte[] fontFile(String name) {
    String path = LetterPdf.class.getResource(FONTS + name) != null ? FONTS + name : PDFBOX_FALLBACK;
    try (InputStream in = LetterPdf.class.getResourceAsStream(path)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException unreadable) {
      throw new UncheckedIOException("font " + path + " cannot be read", unreadable);
    }
  }
}
