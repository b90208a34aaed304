package org.foiflow.redaction;

/** A page's size as displayed (crop box, /Rotate applied), in PDF points. */
public record PageSize(int page, double width, double height) {}
