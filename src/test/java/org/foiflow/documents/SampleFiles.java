package org.foiflow.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real files of each kind an officer adds to a case, and the bad ones a case refuses, made here rather than shipped. */
public final class SampleFiles {

  private SampleFiles() {
  }

  /** An A4 PDF, one page per entry, each page's lines written in Helvetica from the top. */
  public static byte[] pdf(List<List<String>> pages) {
    return pdf(pages, null);
  }

  /** The same, locked with a password. */
  public static byte[] encryptedPdf(String text) {
    return pdf(List.of(List.of(text)), "secret");
  }

  private static byte[] pdf(List<List<String>> pages, String password) {
    try (PDDocument document = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (List<String> lines : pages) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 12);
          content.newLineAtOffset(72, PDRectangle.A4.getHeight() - 72);
          for (String line : lines) {
            content.showText(line);
            content.newLineAtOffset(0, -16);
          }
          content.endText();
        }
      }
      if (password != null) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /** A PNG drawn with ImageIO: a white picture with a black bar. */
  public static byte[] png(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, width, height);
    graphics.setColor(Color.BLACK);
    graphics.fillRect(width / 4, height / 3, width / 2, height / 6);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
    return out.toByteArray();
  }

  /** An email as saved from a mail program, with a text body and one attachment. */
  public static byte[] eml() {
    String boundary = "b1_sample";
    return ("From: Jane Smith <jane.smith@example.org>\r\n"
        + "To: FOI Team <foi@example.gov.uk>\r\n"
        + "Date: Thu, 14 May 2026 09:30:00 +0100\r\n"
        + "Subject: CCTV camera at the depot <script>alert(1)</script>\r\n"
        + "Message-ID: <sample-1@example.org>\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
        + "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
        + "The camera at the depot was moved on 3 March.\r\nRegards, Jane\r\n"
        + "--" + boundary + "\r\nContent-Type: application/pdf\r\n"
        + "Content-Disposition: attachment; filename=\"camera-map.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + "JVBERi0xLjQK\r\n"
        + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A "Word document" that is a zip bomb: an OOXML content-types part and an entry of 1 GB of zeros, streamed into
   * the zip (about a megabyte compressed).
   */
  public static byte[] zipBombDocx() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
          + ".wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1024 * 1024];
      for (int megabyte = 0; megabyte < 1024; megabyte++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
    return out.toByteArray();
  }

  /**
   * A "Word document" whose 300 MB entry is hidden from a reader of local headers: that entry's header signature is
   * broken, so java.util.zip.ZipInputStream stops before it, while the central directory (LibreOffice's way in)
   * still lists it.
   */
  public static byte[] hiddenZipBombDocx() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/styles.xml"));
      zip.write("<w:styles/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1024 * 1024];
      for (int megabyte = 0; megabyte < 300; megabyte++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
    byte[] zip = out.toByteArray();
    int headers = 0;
    for (int i = 0; i < zip.length - 3; i++) {
      if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4 && ++headers == 3) {
        zip[i + 2] = 9;
        return zip;
      }
    }
    throw new IllegalStateException("the zip has fewer than three entries");
  }

  /** An OpenDocument text whose picture is not in the file but linked: LibreOffice would fetch it from {@code url}. */
  public static byte[] odtWithLinkedPicture(String url) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
      ZipEntry first = new ZipEntry("mimetype");
      first.setMethod(ZipEntry.STORED);
      first.setSize(mimetype.length);
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(mimetype);
      first.setCrc(crc.getValue());
      zip.putNextEntry(first);
      zip.write(mimetype);
      zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest="
          + "\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\"><manifest:file-entry"
          + " manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
          + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
          + "</manifest:manifest>").getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
          + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
          + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
          + " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
          + " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" office:version=\"1.2\">"
          + "<office:body><office:text><text:p>Linked picture follows.<draw:frame draw:name=\"p\" svg:width=\"2cm\""
          + " svg:height=\"2cm\" text:anchor-type=\"as-char\"><draw:image xlink:href=\"" + url + "\" xlink:type=\"simple\""
          + " xlink:show=\"embed\" xlink:actuate=\"onLoad\"/></draw:frame></text:p></office:text></office:body>"
          + "</office:document-content>").getBytes(StandardCharsets.UTF_8));
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
    return out.toByteArray();
  }

  /** A "Word document" of 20,000 empty entries: nothing expands, yet every reader walks them all. */
  public static byte[] manyEntriesDocx() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 20_000; i++) {
        zip.putNextEntry(new ZipEntry("word/part" + i + ".xml"));
      }
      zip.closeEntry();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
    return out.toByteArray();
  }

  /**
   * A Word or Excel file made by LibreOffice headless from a text or CSV file ({@code source} named by its
   * extension, e.g. "notes.txt" to "docx", "table.csv" to "xlsx"), as an officer's office suite writes it.
   */
  public static byte[] officeFile(String source, String content, String format) {
    try {
      java.nio.file.Path work = java.nio.file.Files.createTempDirectory("foiflow-sample-");
      java.nio.file.Path input = work.resolve(source);
      java.nio.file.Files.writeString(input, content);
      String filter = format.equals("xlsx") ? "xlsx:Calc MS Excel 2007 XML" : format;
      Process soffice = new ProcessBuilder("soffice", "--headless", "--norestore",
          "-env:UserInstallation=" + work.resolve("profile").toUri(), "--convert-to", filter, "--outdir", work.toString(),
          input.toString()).redirectErrorStream(true).redirectOutput(work.resolve("log").toFile()).start();
      if (!soffice.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || soffice.exitValue() != 0) {
        soffice.destroyForcibly();
        throw new IllegalStateException("LibreOffice did not convert " + source + ": "
            + java.nio.file.Files.readString(work.resolve("log")));
      }
      String name = source.substring(0, source.lastIndexOf('.')) + "." + format;
      return java.nio.file.Files.readAllBytes(work.resolve(name));
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }
}
