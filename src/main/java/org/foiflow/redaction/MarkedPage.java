package org.foiflow.redaction;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.util.Matrix;

/** A page and the areas redacted on it: which points and pixels fall under a mark. */
final class MarkedPage {

  private final PageGeometry geometry;
  private final List<PageArea> areas;

  MarkedPage(PDPage page, List<PageArea> areas) {
    this.geometry = new PageGeometry(page);
    this.areas = List.copyOf(areas);
  }

  PageGeometry geometry() {
    return geometry;
  }

  List<PageArea> areas() {
    return areas;
  }

  boolean covers(Point2D p) {
    for (PageArea a : areas) {
      if (a.contains(p.getX(), p.getY())) {
        return true;
      }
    }
    return false;
  }

  boolean touches(Rectangle2D box) {
    for (PageArea a : areas) {
      if (box.intersects(a.x(), a.y(), a.width(), a.height())) {
        return true;
      }
    }
    return false;
  }

  /** The display box of an image drawn with this transformation (its unit square). */
  Rectangle2D imageBox(Matrix ctm) {
    Rectangle2D box = null;
    for (double[] c : new double[][] {{0, 0}, {1, 0}, {1, 1}, {0, 1}}) {
      Point2D p = geometry.imagePoint(ctm, c[0], c[1]);
      if (box == null) {
        box = new Rectangle2D.Double(p.getX(), p.getY(), 0, 0);
      } else {
        box.add(p);
      }
    }
    return box;
  }

  /**
   * Visits each pixel of an image drawn with this transformation whose centre lies under a mark. Pixel (0, 0) is
   * the image's top-left, at the unit square's (0, 1).
   */
  void pixelsUnderMarks(Matrix ctm, int width, int height, PixelVisitor visitor) {
    Point2D o = geometry.imagePoint(ctm, 0, 1);
    Point2D x = geometry.imagePoint(ctm, 1, 1);
    Point2D y = geometry.imagePoint(ctm, 0, 0);
    double xx = x.getX() - o.getX();
    double xy = x.getY() - o.getY();
    double yx = y.getX() - o.getX();
    double yy = y.getY() - o.getY();
    Point2D.Double p = new Point2D.Double();
    for (int j = 0; j < height; j++) {
      double fj = (j + 0.5) / height;
      for (int i = 0; i < width; i++) {
        double fi = (i + 0.5) / width;
        p.setLocation(o.getX() + xx * fi + yx * fj, o.getY() + xy * fi + yy * fj);
        if (covers(p)) {
          visitor.visit(i, j);
        }
      }
    }
  }

  interface PixelVisitor {
    void visit(int x, int y);
  }

  /** A copy of an image with the pixels under the marks black, or null when none is under a mark. */
  BufferedImage blackedOut(BufferedImage source, Matrix ctm) {
    int type = source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(), type);
    boolean[] changed = {false};
    var g = copy.createGraphics();
    g.drawImage(source, 0, 0, null);
    g.dispose();
    pixelsUnderMarks(ctm, copy.getWidth(), copy.getHeight(), (i, j) -> {
      copy.setRGB(i, j, 0xFF000000);
      changed[0] = true;
    });
    return changed[0] ? copy : null;
  }

  /** Thrown when a page's content cannot be rewritten with certainty: the page is then rasterised. */
  static final class Unprovable extends RuntimeException {
    Unprovable(String why) {
      super(why);
    }
  }
}
