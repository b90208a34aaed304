package org.foiflow.redaction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/** Opens uploaded PDFs, turning PDFBox's failures into a plain-English {@link UnreadablePdfException}. */
final class PdfFile {

  private PdfFile() {}

  static PDDocument open(byte[] pdf) {
    if (pdf == null || pdf.length == 0) {
      throw new UnreadablePdfException("The file is empty, not a PDF.");
    }
    try {
      PDDocument document = Loader.loadPDF(pdf);
      if (document.getNumberOfPages() == 0) {
        document.close();
        throw new UnreadablePdfException("The PDF has no pages.");
      }
      return document;
    } catch (InvalidPasswordException e) {
      throw new UnreadablePdfException("The PDF is protected by a password; save it without the password and"
          + " upload it again.", e);
    } catch (IOException e) {
      throw new UnreadablePdfException("The file could not be read as a PDF: it is broken or not a PDF.", e);
    }
  }

  static byte[] save(PDDocument document) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void checkPage(PDDocument document, int page) {
    if (page < 1 || page > document.getNumberOfPages()) {
      throw new IllegalArgumentException("page " + page + " is not in the document (pages 1 to "
          + document.getNumberOfPages() + ")");
    }
  }
}
