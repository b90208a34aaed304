package org.foiflow.redaction;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Pages as pictures, for the redaction page's view, and their sizes as displayed. */
public final class PageImages {

  private PageImages() {}

  /** Each page's size as displayed (crop box, /Rotate applied), in points. */
  public static List<PageSize> sizes(byte[] pdf) {
    try (PDDocument document = PdfFile.open(pdf)) {
      List<PageSize> sizes = new ArrayList<>();
      int n = 1;
      for (var page : document.getPages()) {
        PageGeometry geometry = new PageGeometry(page);
        sizes.add(new PageSize(n++, geometry.width(), geometry.height()));
      }
      return sizes;
    } catch (IOException e) {
      throw new UnreadablePdfException("The PDF could not be read.", e);
    }
  }

  /** Page {@code page} (1-based) as a PNG at {@code dpi}. */
  public static byte[] png(byte[] pdf, int page, float dpi) {
    if (!(dpi > 0) || dpi > 600) {
      throw new IllegalArgumentException("dpi must be more than 0 and at most 600, not " + dpi);
    }
    try (PDDocument document = PdfFile.open(pdf)) {
      PdfFile.checkPage(document, page);
      BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, dpi, ImageType.RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UnreadablePdfException("The page could not be drawn.", e);
    }
  }
}
