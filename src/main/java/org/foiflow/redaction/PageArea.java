package org.foiflow.redaction;

/**
 * An area of a page: {@code page} is 1-based; x, y, width and height are in PDF points (1/72 inch) from the
 * top-left corner of the page as displayed (its crop box, with the page's /Rotate applied), y growing downwards.
 * A page rendered at D dpi has {@code points * D / 72} pixels.
 */
public record PageArea(int page, double x, double y, double width, double height) {

  /** Whether a point (in the same coordinates) lies inside this area. */
  public boolean contains(double px, double py) {
    return px >= x && px <= x + width && py >= y && py <= y + height;
  }
}
