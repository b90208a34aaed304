package org.foiflow.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * What an uploaded file really is, told from its content (Apache Tika's magic and zip-container detection), never
 * from its name alone: a file named .pdf that is HTML or a script is refused naming what it is. The types a case
 * takes are PDF, Word, Excel, OpenDocument text and spreadsheets, CSV, plain text, PNG, JPEG, TIFF, GIF and
 * emails (.eml). An Office file is a zip: it is read through, and refused when it expands past a limit or by a
 * ratio no document reaches (a zip bomb), before anything opens it.
 */
final class FileInspection {

  /** How a type becomes the PDF its pages are redacted on. */
  enum Kind { PDF, IMAGE, TEXT, CSV, EMAIL, OFFICE }

  /** The file's real type and how it is turned into PDF. */
  record Inspected(String contentType, Kind kind, String extension) {
  }

  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String DOC = "application/msword";
  static final String XLS = "application/vnd.ms-excel";
  static final String ODT = "application/vnd.oasis.opendocument.text";
  static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";

  /** A file's extension to the type its content must have, in words for the refusal. */
  private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("pdf", "a PDF"),
      Map.entry("docx", "a Word document"), Map.entry("doc", "a Word document"), Map.entry("xlsx", "an Excel workbook"),
      Map.entry("xls", "an Excel workbook"), Map.entry("odt", "an OpenDocument text"),
      Map.entry("ods", "an OpenDocument spreadsheet"), Map.entry("csv", "a CSV file"), Map.entry("txt", "a text file"),
      Map.entry("png", "a PNG image"), Map.entry("jpg", "a JPEG image"), Map.entry("jpeg", "a JPEG image"),
      Map.entry("tif", "a TIFF image"), Map.entry("tiff", "a TIFF image"), Map.entry("gif", "a GIF image"),
      Map.entry("eml", "an email (.eml)"));

  /** Everything an Office file may expand to, and the ratio past which it is a zip bomb, not a document. */
  static final long MAX_EXPANDED = 512L * 1024 * 1024;
  static final long MAX_RATIO = 100;
  /** More entries than any Word, Excel or ODF file has (a large workbook: a few hundred). */
  static final int MAX_ENTRIES = 10_000;
  /** Below this much expanded, any ratio is fine: a few kilobytes of XML compress very well. */
  private static final long RATIO_FROM = 10L * 1024 * 1024;

  private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

  private FileInspection() {
  }

  static Inspected inspect(String fileName, byte[] content) {
    String extension = extensionOf(fileName);
    String detected = detected(content);
    Inspected inspected = switch (detected) {
      case "application/pdf" -> new Inspected(detected, Kind.PDF, "pdf");
      case "image/png" -> new Inspected(detected, Kind.IMAGE, "png");
      case "image/jpeg" -> new Inspected(detected, Kind.IMAGE, "jpg");
      case "image/tiff" -> new Inspected(detected, Kind.IMAGE, "tiff");
      case "image/gif" -> new Inspected(detected, Kind.IMAGE, "gif");
      case "message/rfc822" -> new Inspected(detected, Kind.EMAIL, "eml");
      case "text/plain" -> "csv".equals(extension) ? new Inspected("text/csv", Kind.CSV, "csv")
          : new Inspected(detected, Kind.TEXT, "txt");
      case "text/csv" -> new Inspected(detected, Kind.CSV, "csv");
      case "application/x-tika-msoffice" -> "xls".equals(extension) ? new Inspected(XLS, Kind.OFFICE, "xls")
          : "doc".equals(extension) ? new Inspected(DOC, Kind.OFFICE, "doc") : null;
      case DOC -> new Inspected(DOC, Kind.OFFICE, "doc");
      case XLS -> new Inspected(XLS, Kind.OFFICE, "xls");
      case "application/zip", "application/x-tika-ooxml", DOCX, XLSX, ODT, ODS -> officeFile(content);
      default -> null;
    };
    String named = NAMED.get(extension);
    if (inspected == null && named != null) {
      throw new DocumentRefusedException(415, "document-type-mismatch", "file", "the file is named ." + extension
          + " but its content is " + described(detected) + ", not " + named + ": nothing was added");
    }
    if (inspected == null) {
      throw new DocumentRefusedException(415, "unsupported-document-type", "file", "the file is " + described(detected)
          + ", which cannot be added to a case: add PDF, Word, Excel, OpenDocument, CSV, text, PNG, JPEG, TIFF, GIF"
          + " or email (.eml) files");
    }
    if (named != null && !named.equals(NAMED.get(inspected.extension())) && !sameFamily(extension, inspected)) {
      throw new DocumentRefusedException(415, "document-type-mismatch", "file", "the file is named ." + extension
          + " but its content is " + described(detected.equals("application/zip") ? inspected.contentType() : detected)
          + ", not " + named + ": nothing was added");
    }
    return inspected;
  }

  /** A .txt holding CSV and a .csv holding text are both text; a .jpeg is a JPEG. */
  private static boolean sameFamily(String extension, Inspected inspected) {
    return (inspected.kind() == Kind.TEXT || inspected.kind() == Kind.CSV) && ("txt".equals(extension) || "csv".equals(extension));
  }

  private static String detected(byte[] content) {
    try (TikaInputStream in = TikaInputStream.get(content)) {
      MediaType type = DETECTOR.detect(in, new Metadata());
      return type.getBaseType().toString();
    } catch (IOException unreadable) {
      return "application/octet-stream";
    }
  }

  /**
   * A zip is a Word or Excel file (OOXML: [Content_Types].xml and word/ or xl/) or an OpenDocument (its mimetype
   * entry); read through entry by entry, stopping as soon as it expands too far. Read twice: by its local headers
   * (front to back) and by its central directory (what LibreOffice reads), since a crafted zip can hide entries
   * from one of the two.
   */
  private static Inspected officeFile(byte[] content) {
    boolean contentTypes = false;
    boolean word = false;
    boolean excel = false;
    String openDocument = null;
    Expansion expansion = new Expansion(content.length);
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName();
        contentTypes |= "[Content_Types].xml".equals(name);
        word |= name.startsWith("word/");
        excel |= name.startsWith("xl/");
        if ("mimetype".equals(name)) {
          openDocument = new String(zip.readNBytes(200), java.nio.charset.StandardCharsets.US_ASCII).strip();
          expansion.add(openDocument.length());
        }
        expansion.readThrough(zip);
      }
    } catch (IOException broken) {
      throw damaged();
    }
    Expansion byDirectory = new Expansion(content.length);
    try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
      for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
        try (InputStream entry = zip.getInputStream(entries.nextElement())) {
          byDirectory.readThrough(entry);
        }
      }
    } catch (DocumentRefusedException refused) {
      throw refused;
    } catch (IOException | RuntimeException broken) {
      // Commons Compress throws unchecked exceptions, too, for a directory that does not add up
      throw damaged();
    }
    if (contentTypes && word) {
      return new Inspected(DOCX, Kind.OFFICE, "docx");
    }
    if (contentTypes && excel) {
      return new Inspected(XLSX, Kind.OFFICE, "xlsx");
    }
    if (ODT.equals(openDocument)) {
      return new Inspected(ODT, Kind.OFFICE, "odt");
    }
    if (ODS.equals(openDocument)) {
      return new Inspected(ODS, Kind.OFFICE, "ods");
    }
    return null;
  }

  private static DocumentRefusedException damaged() {
    return new DocumentRefusedException(422, "unreadable-document", "file",
        "the file is a damaged zip archive (an Office file that cannot be read): nothing was added");
  }

  /** How far a zip has expanded so far, refused once past the limits: too much in all, too many entries. */
  private static final class Expansion {
    private final long size;
    private final byte[] buffer = new byte[64 * 1024];
    private long expanded;
    private int entries;

    Expansion(long size) {
      this.size = size;
    }

    void add(long bytes) {
      expanded += bytes;
      if (expanded > MAX_EXPANDED || (expanded > RATIO_FROM && expanded > MAX_RATIO * size)) {
        throw new DocumentRefusedException(422, "document-expands-too-far", "file", "the file expands to far more"
            + " than a document does (over " + (expanded > MAX_EXPANDED ? MAX_EXPANDED / (1024 * 1024) + " MB"
            : MAX_RATIO + " times its size") + " unpacked): it looks like a zip bomb, and nothing was added");
      }
    }

    void readThrough(InputStream entry) throws IOException {
      if (++entries > MAX_ENTRIES) {
        throw new DocumentRefusedException(422, "document-expands-too-far", "file", "the file holds more than "
            + MAX_ENTRIES + " packed files, far more than a document does: nothing was added");
      }
      for (int read = entry.read(buffer); read > 0; read = entry.read(buffer)) {
        add(read);
      }
    }
  }

  static String extensionOf(String fileName) {
    int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The type in words: "HTML (text/html)". */
  private static String described(String type) {
    String words = switch (type) {
      case "text/html", "application/xhtml+xml" -> "HTML";
      case "application/x-sh" -> "a shell script";
      case "text/javascript", "application/javascript" -> "JavaScript";
      case "application/zip" -> "a zip archive";
      case "application/x-msdownload", "application/x-dosexec" -> "a Windows program";
      case "application/octet-stream" -> "of a type that could not be recognised";
      case "text/plain" -> "plain text";
      case "application/pdf" -> "a PDF";
      default -> null;
    };
    return words == null ? type : words + ("application/octet-stream".equals(type) ? "" : " (" + type + ")");
  }

}
