package org.foiflow.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every document becomes the PDF its pages are shown and redacted on (the redaction engine only reads PDFs): a PDF
 * as it is, once PDFBox has read it and found it neither encrypted nor broken; an image one page per image or
 * frame; text, CSV (as a table) and an email (its headers and text, its attachments listed by name) through HTML
 * and openhtmltopdf, as the letters are, everything escaped; Word, Excel and ODF files by LibreOffice headless,
 * each conversion with its own profile directory and a time limit. A file that cannot be converted is refused.
 */
@Component
class PdfRendition {

  /** The rendition and its page count. */
  record Rendered(byte[] pdf, int pages) {
  }

  private static final Logger LOG = LoggerFactory.getLogger(PdfRendition.class);
  private static final String FONT = "Document Sans";

  /**
   * The settings of each conversion's fresh LibreOffice profile. An uploaded file is untrusted: without
   * BlockUntrustedRefererLinks LibreOffice fetches a document's linked pictures while converting it (the server
   * would call any address an officer's file names, inside the network too); macros never run.
   */
  static final String LOCKED_DOWN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      <item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" \
      oor:op="fuse"><value>true</value></prop></item>
      <item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" \
      oor:op="fuse"><value>true</value></prop></item>
      <item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" \
      oor:op="fuse"><value>3</value></prop></item>
      </oor:items>
      """;

  private final DocumentSettings settings;

  PdfRendition(DocumentSettings settings) {
    this.settings = settings;
  }

  Rendered of(String fileName, byte[] content, FileInspection.Inspected type) {
    byte[] pdf = switch (type.kind()) {
      case PDF -> content;
      case IMAGE -> images(content);
      case TEXT -> html(fileName, "<pre>" + escaped(text(content)) + "</pre>");
      case CSV -> html(fileName, table(text(content)));
      case EMAIL -> html(fileName, EmailText.html(content));
      case OFFICE -> office(content, type.extension());
    };
    return new Rendered(pdf, pages(pdf, type.kind() == FileInspection.Kind.PDF));
  }

  /** The page count; an encrypted, broken or empty PDF is refused (422). */
  static int pages(byte[] pdf, boolean uploaded) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      if (document.isEncrypted()) {
        throw encrypted();
      }
      if (document.getNumberOfPages() == 0) {
        throw new DocumentRefusedException(422, "unreadable-document", "file", "the PDF has no pages: nothing was added");
      }
      return document.getNumberOfPages();
    } catch (InvalidPasswordException locked) {
      throw encrypted();
    } catch (IOException broken) {
      throw new DocumentRefusedException(422, "unreadable-document", "file", uploaded
          ? "the PDF cannot be read (it is damaged or not really a PDF): nothing was added"
          : "the file could not be turned into PDF pages: nothing was added");
    }
  }

  private static DocumentRefusedException encrypted() {
    return new DocumentRefusedException(422, "encrypted-document", "file", "the PDF is encrypted or password"
        + " protected, so its pages cannot be read or redacted: add a copy without the password; nothing was added");
  }

  private static String text(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  static String escaped(String text) {
    return Entities.escape(text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""));
  }

  private static String table(String csv) {
    StringBuilder html = new StringBuilder("<table>");
    try {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(csv))) {
        html.append("<tr>");
        row.forEach(cell -> html.append("<td>").append(escaped(cell)).append("</td>"));
        html.append("</tr>");
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException notCsv) {
      return "<pre>" + escaped(csv) + "</pre>";
    }
    return html.append("</table>").toString();
  }

  /** A page of HTML as a PDF, with the letters' font; nothing outside the page is fetched. */
  private static byte[] html(String fileName, String body) {
    String page = "<!DOCTYPE html><html><head><title>" + escaped(fileName) + "</title><style>"
        + "@page { size: A4; margin: 18mm; } body { font-family: '" + FONT + "'; font-size: 10pt; }"
        + " pre { white-space: pre-wrap; font-family: '" + FONT + "'; word-wrap: break-word; }"
        + " table { border-collapse: collapse; } td { border: 1px solid #999; padding: 2px 4px; font-size: 9pt; }"
        + " dt { font-weight: bold; } </style></head><body>" + body + "</body></html>";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withProducer("foiflow");
      builder.withW3cDocument(new org.jsoup.helper.W3CDom().fromJsoup(org.jsoup.Jsoup.parse(page)), null);
      builder.useUriResolver((base, uri) -> null);
      builder.useFont(() -> font("LiberationSans-Regular.ttf"), FONT, 400,
          com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
      builder.useFont(() -> font("LiberationSans-Bold.ttf"), FONT, 700,
          com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
      builder.toStream(out);
      builder.run();
    } catch (IOException | RuntimeException failed) {
      LOG.warn("A document could not be rendered as PDF", failed);
      throw notConverted();
    }
    return out.toByteArray();
  }

  private static InputStream font(String file) {
    return PdfRendition.class.getResourceAsStream("/fonts/" + file);
  }

  /** One page per image, or per frame of a TIFF or GIF, each fitted to an A4 page with a margin. */
  private static byte[] images(byte[] content) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content));
         PDDocument pdf = new PDDocument()) {
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw notConverted();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        int frames = reader.getNumImages(true);
        for (int frame = 0; frame < frames; frame++) {
          page(pdf, reader.read(frame));
        }
      } finally {
        reader.dispose();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException | RuntimeException unreadable) {
      if (unreadable instanceof DocumentRefusedException refused) {
        throw refused;
      }
      throw new DocumentRefusedException(422, "unreadable-document", "file",
          "the image cannot be read (it is damaged or incomplete): nothing was added");
    }
  }

  private static void page(PDDocument pdf, BufferedImage image) throws IOException {
    boolean landscape = image.getWidth() > image.getHeight();
    PDRectangle a4 = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
    PDPage page = new PDPage(a4);
    pdf.addPage(page);
    float margin = 36;
    // at most 96 dpi's natural size, so a small image is not blown up
    float scale = Math.min(1f, Math.min((a4.getWidth() - 2 * margin) / (image.getWidth() * 0.75f),
        (a4.getHeight() - 2 * margin) / (image.getHeight() * 0.75f)));
    float width = image.getWidth() * 0.75f * scale;
    float height = image.getHeight() * 0.75f * scale;
    PDImageXObject picture = LosslessFactory.createFromImage(pdf, image);
    try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
      content.drawImage(picture, margin, a4.getHeight() - margin - height, width, height);
    }
  }

  /** LibreOffice headless in a directory of its own (its profile too), killed if it runs past the time limit. */
  private byte[] office(byte[] content, String extension) {
    Path work = null;
    try {
      work = Files.createTempDirectory("foiflow-convert-");
      Path input = work.resolve("document." + extension);
      Files.write(input, content);
      Path profile = work.resolve("profile-" + UUID.randomUUID());
      Files.createDirectories(profile.resolve("user"));
      Files.writeString(profile.resolve("user").resolve("registrymodifications.xcu"), LOCKED_DOWN, StandardCharsets.UTF_8);
      Process soffice = new ProcessBuilder(settings.officeConverter(), "--headless", "--norestore",
          "-env:UserInstallation=" + profile.toUri(), "--convert-to", "pdf", "--outdir", work.toString(),
          input.toString()).redirectErrorStream(true).redirectOutput(work.resolve("soffice.log").toFile()).start();
      if (!soffice.waitFor(settings.conversionTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        soffice.descendants().forEach(ProcessHandle::destroyForcibly);
        soffice.destroyForcibly();
        LOG.warn("LibreOffice took longer than {} to convert a document", settings.conversionTimeout());
        throw notConverted();
      }
      Path pdf = work.resolve("document.pdf");
      if (soffice.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
        LOG.warn("LibreOffice could not convert a document (exit {}): {}", soffice.exitValue(),
            Files.readString(work.resolve("soffice.log"), StandardCharsets.UTF_8));
        throw notConverted();
      }
      return Files.readAllBytes(pdf);
    } catch (IOException notStarted) {
      LOG.warn("LibreOffice ({}) could not be run to convert a document", settings.officeConverter(), notStarted);
      throw notConverted();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw notConverted();
    } finally {
      removeQuietly(work);
    }
  }

  private static DocumentRefusedException notConverted() {
    return new DocumentRefusedException(422, "document-not-converted", "file", "the file could not be converted to"
        + " PDF for redaction (it may be damaged, password protected or too complex): nothing was added");
  }

  private static void removeQuietly(Path directory) {
    if (directory == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      LOG.debug("A conversion's temporary directory {} was left behind", directory);
    }
  }

}
