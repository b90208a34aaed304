/**
 * The PDF redaction engine of issue 16, plain Java over PDFBox 3 (no Spring, no database): what a PDF says and
 * where ({@link org.foiflow.redaction.PdfText}), the personal data it seems to hold
 * ({@link org.foiflow.redaction.PersonalDataFinder}), its pages as pictures
 * ({@link org.foiflow.redaction.PageImages}), and the released copy with redactions burned in
 * ({@link org.foiflow.redaction.RedactionBurner}).
 *
 * <p>Areas are in PDF points from the top-left corner of the page as displayed (crop box, /Rotate applied), y
 * downwards ({@link org.foiflow.redaction.PageArea}). A glyph is under a mark when its centre is: every class
 * computes glyph boxes and centres the same way (PageGeometry), so the areas found for a phrase always cover the
 * glyphs the burner removes.
 *
 * <p>What a burned-in copy guarantees, checked on the saved file before it is returned (BurnCheck): no glyph
 * but a label's has its centre under a mark (in the page, its Form XObjects and transparency groups); every
 * image drawn under a mark is black there; no path painted wholly under a mark is left; no marked content on a
 * redacted page carries replacement or alternate text; the document has no information dictionary, XMP
 * metadata, attachments, annotations, forms (filled-in fields are flattened first), scripts, actions, outlines,
 * page labels, optional content or structure tree (dropped because its alternate texts may quote what was
 * removed: the copy is untagged). A page the engine cannot rewrite or prove clean (text in a tiling pattern or
 * soft mask, a stencil mask or vertical text under a mark, content PDFBox cannot read) is rasterised at 150 dpi
 * with its labels kept as text. Left as they are: paths that cross a mark's edge or clip (table rules, borders),
 * shadings, and glyphs whose centre lies outside the mark though the box covers part of them.
 */
package org.foiflow.redaction;
