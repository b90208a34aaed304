package org.foiflow.redaction;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Maps a page's user space (PDF's, y upwards from the media box origin) to the contract's display coordinates
 * (points from the top-left corner of the crop box as displayed, the page's /Rotate applied, y downwards), and
 * gives every glyph the same box and centre whichever class asks: the areas found by {@link PdfText} must hold the
 * centres the burner and its check compute.
 */
final class PageGeometry {

  // a glyph's box in text space, in ems: from below the baseline (descenders) to above the cap height
  private static final double GLYPH_BOTTOM = -0.22;
  private static final double GLYPH_TOP = 0.88;
  private static final double GLYPH_CENTRE = 0.3;

  private final double llx;
  private final double lly;
  private final double w;
  private final double h;
  private final int rotation;

  PageGeometry(PDPage page) {
    PDRectangle crop = page.getCropBox();
    llx = crop.getLowerLeftX();
    lly = crop.getLowerLeftY();
    w = crop.getWidth();
    h = crop.getHeight();
    rotation = ((page.getRotation() % 360) + 360) % 360;
  }

  int rotation() {
    return rotation;
  }

  double width() {
    return rotation == 90 || rotation == 270 ? h : w;
  }

  double height() {
    return rotation == 90 || rotation == 270 ? w : h;
  }

  Point2D.Double toDisplay(double x, double y) {
    double u = x - llx;
    double v = y - lly;
    return switch (rotation) {
      case 90 -> new Point2D.Double(v, u);
      case 180 -> new Point2D.Double(w - u, v);
      case 270 -> new Point2D.Double(h - v, w - u);
      default -> new Point2D.Double(u, h - v);
    };
  }

  Point2D.Double toUser(double x, double y) {
    double u;
    double v;
    switch (rotation) {
      case 90 -> { u = y; v = x; }
      case 180 -> { u = w - x; v = y; }
      case 270 -> { u = w - y; v = h - x; }
      default -> { u = x; v = h - y; }
    }
    return new Point2D.Double(u + llx, v + lly);
  }

  /** A display area as a rectangle in user space (rotations are multiples of 90°, so it stays a rectangle). */
  Rectangle2D userRectangle(PageArea area) {
    Point2D a = toUser(area.x(), area.y());
    Point2D b = toUser(area.x() + area.width(), area.y() + area.height());
    Rectangle2D r = new Rectangle2D.Double(a.getX(), a.getY(), 0, 0);
    r.add(b);
    return r;
  }

  /** Where a shown glyph's centre is, as displayed. */
  Point2D.Double glyphCentre(Matrix textRenderingMatrix, Vector displacement) {
    Point2D.Float p = textRenderingMatrix.transformPoint((float) (advance(displacement) / 2), (float) GLYPH_CENTRE);
    return toDisplay(p.x, p.y);
  }

  /** A shown glyph's box, as displayed. */
  Rectangle2D glyphBox(Matrix textRenderingMatrix, Vector displacement) {
    double a = advance(displacement);
    Rectangle2D box = null;
    for (double[] corner : new double[][] {{0, GLYPH_BOTTOM}, {a, GLYPH_BOTTOM}, {a, GLYPH_TOP}, {0, GLYPH_TOP}}) {
      Point2D.Float p = textRenderingMatrix.transformPoint((float) corner[0], (float) corner[1]);
      Point2D d = toDisplay(p.x, p.y);
      if (box == null) {
        box = new Rectangle2D.Double(d.getX(), d.getY(), 0, 0);
      } else {
        box.add(d);
      }
    }
    return box;
  }

  /** The display position of a point of an image's unit square under a transformation matrix. */
  Point2D.Double imagePoint(Matrix ctm, double ux, double uy) {
    Point2D.Float p = ctm.transformPoint((float) ux, (float) uy);
    return toDisplay(p.x, p.y);
  }

  private static double advance(Vector displacement) {
    // a glyph without a width still has a place: half an em
    return displacement.getX() > 0 ? displacement.getX() : 0.5;
  }
}
