package org.foiflow.redaction;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/**
 * The display box of the path being built on a page, for the drawings a mark hides whole: a signature drawn as
 * lines, text turned into outlines. A path that also clips is left alone, as it shapes what follows.
 */
final class PathBounds {

  private final MarkedPage marked;
  private Rectangle2D box;
  private Point2D.Float current = new Point2D.Float();
  private boolean clipping;

  PathBounds(MarkedPage marked) {
    this.marked = marked;
  }

  /** A point of the path, in user space (PDFBox's graphics engine hands them over with the CTM applied). */
  void add(float x, float y) {
    current = new Point2D.Float(x, y);
    Point2D d = marked.geometry().toDisplay(x, y);
    if (box == null) {
      box = new Rectangle2D.Double(d.getX(), d.getY(), 0, 0);
    } else {
      box.add(d);
    }
  }

  void add(Point2D p) {
    add((float) p.getX(), (float) p.getY());
  }

  Point2D current() {
    return current;
  }

  void clip() {
    clipping = true;
  }

  /** Whether the path now painted lies wholly under one mark (and does not clip). */
  boolean paintedUnderAMark() {
    if (box == null || clipping) {
      return false;
    }
    for (PageArea a : marked.areas()) {
      if (isTheMarkItself(a)) {
        return false;
      }
    }
    for (PageArea a : marked.areas()) {
      if (box.getMinX() >= a.x() && box.getMaxX() <= a.x() + a.width() && box.getMinY() >= a.y()
          && box.getMaxY() <= a.y() + a.height()) {
        return true;
      }
    }
    return false;
  }

  // the black box drawn over a mark is a path exactly as large as the mark: it shows nothing but the mark
  private boolean isTheMarkItself(PageArea a) {
    double e = 0.01;
    return Math.abs(box.getMinX() - a.x()) < e && Math.abs(box.getMaxX() - a.x() - a.width()) < e
        && Math.abs(box.getMinY() - a.y()) < e && Math.abs(box.getMaxY() - a.y() - a.height()) < e;
  }

  void reset() {
    box = null;
    clipping = false;
  }
}
