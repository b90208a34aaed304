package org.foiflow.drafting;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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

  static {
    if (XRLog.getLoggerImpl() == null || XRLog.getLoggerImpl().getClass().getName().startsWith("com.openhtmltopdf")) {
      XRLog.setLoggerImpl(new Slf4jXrLogger());
    }
  }

  private LetterPdf() {
  }

  static byte[] render(Document document, String baseUri) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withProducer("foiflow");
      // Tagged PDF (PDF/UA): public bodies' letters must work with screen readers.
      builder.usePdfUaAccessibility(true);
      builder.withW3cDocument(document, baseUri);
      font(builder, "LiberationSans-Regular.ttf", 400, FontStyle.NORMAL);
      font(builder, "LiberationSans-Bold.ttf", 700, FontStyle.NORMAL);
      font(builder, "LiberationSans-Italic.ttf", 400, FontStyle.ITALIC);
      builder.toStream(out);
      builder.run();
    } catch (IOException | RuntimeException failed) {
      throw new IllegalStateException("the letter could not be rendered as PDF: " + failed.getMessage(), failed);
    }
    return out.toByteArray();
  }

  private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
    String path = LetterPdf.class.getResource(FONTS + file) != null ? FONTS + file : PDFBOX_FALLBACK;
    if (LetterPdf.class.getResource(path) == null) {
      return; // no TrueType font at all: openhtmltopdf falls back to the PDF base fonts (Helvetica).
    }
    builder.useFont(() -> open(path), FAMILY, weight, style, true);
  }

  private static InputStream open(String path) {
    InputStream in = LetterPdf.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("font " + path + " is missing from the classpath");
    }
    return in;
  }
}
