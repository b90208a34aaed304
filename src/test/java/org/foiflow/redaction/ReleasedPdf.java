package org.foiflow.redaction;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a PDF the ways a requester's tools would: its text (PDFBox, poppler's pdftotext), pixels, raw bytes. */
final class ReleasedPdf {

  static final float DPI = 96;

  private ReleasedPdf() {}

  static String pdfboxText(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      // unsorted, PDFBox breaks a rotated page's lines after their first letter, input and output alike
      stripper.setSortByPosition(true);
      return stripper.getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String pdftotext(byte[] pdf) {
    try {
      Path file = Files.createTempFile("released", ".pdf");
      try {
        Files.write(file, pdf);
        Process process = new ProcessBuilder("pdftotext", file.toString(), "-").redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
          throw new IllegalStateException("pdftotext failed: " + text);
        }
        return text;
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Everything in the file as text: saved without compression, and every stream decoded. */
  static String rawText(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      StringBuilder all = new StringBuilder();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out, CompressParameters.NO_COMPRESSION);
      all.append(out.toString(StandardCharsets.ISO_8859_1));
      for (COSObject object : document.getDocument().getXrefTable().keySet().stream()
          .map(key -> document.getDocument().getObjectFromPool(key)).toList()) {
        COSBase base = object.getObject();
        if (base instanceof COSStream stream) {
          try (InputStream in = stream.createInputStream()) {
            all.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
          } catch (IOException e) {
            // an image format PDFBox cannot decode holds no text
          }
        }
      }
      return all.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BufferedImage render(byte[] pdf, int page) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFRenderer(document).renderImageWithDPI(page - 1, DPI, ImageType.RGB);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The share of the pixels inside an area (points, as displayed) that are black. */
  static double blackShare(BufferedImage image, PageArea area) {
    int black = 0;
    int all = 0;
    for (int y = px(area.y()); y < px(area.y() + area.height()); y++) {
      for (int x = px(area.x()); x < px(area.x() + area.width()); x++) {
        all++;
        if ((image.getRGB(x, y) & 0xFFFFFF) == 0) {
          black++;
        }
      }
    }
    return all == 0 ? 0 : (double) black / all;
  }

  /**
   * How many pixels of an area differ visibly between two renderings: by more than an anti-aliasing step (a
   * glyph moved by a thousandth of a point, the float rounding of a TJ number, can shade an edge pixel by a few
   * levels).
   */
  static int differingPixels(BufferedImage a, BufferedImage b, PageArea area) {
    int differing = 0;
    for (int y = px(area.y()); y < px(area.y() + area.height()); y++) {
      for (int x = px(area.x()); x < px(area.x() + area.width()); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
          if (Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF)) > 32) {
            differing++;
            break;
          }
        }
      }
    }
    return differing;
  }

  /** How many pixels of an area are not white: the area holds something drawn. */
  static int inkedPixels(BufferedImage image, PageArea area) {
    int inked = 0;
    for (int y = px(area.y()); y < px(area.y() + area.height()); y++) {
      for (int x = px(area.x()); x < px(area.x() + area.width()); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          inked++;
        }
      }
    }
    return inked;
  }

  static int px(double points) {
    return (int) Math.round(points * DPI / 72);
  }
}
