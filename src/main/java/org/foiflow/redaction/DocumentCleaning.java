package org.foiflow.redaction;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;

/**
 * Removes from a released copy what could quote redacted content outside the pages' content: the document
 * information and XMP metadata, attachments, annotations (links, comments, widgets: filled-in form fields are
 * first flattened into the page so their values are burned in like other text), forms, scripts and actions,
 * outlines, page labels, optional content, and the structure tree (its alternate and actual texts may quote
 * what was removed; the copy is therefore untagged).
 */
final class DocumentCleaning {

  private static final List<COSName> CATALOG_ENTRIES = List.of(COSName.METADATA, COSName.NAMES, COSName.DESTS,
      COSName.ACRO_FORM, COSName.OPEN_ACTION, COSName.AA, COSName.OUTLINES, COSName.PAGE_LABELS,
      COSName.STRUCT_TREE_ROOT, COSName.MARK_INFO, COSName.OCPROPERTIES, COSName.THREADS, COSName.PIECE_INFO,
      COSName.PERMS, COSName.getPDFName("Legal"), COSName.URI, COSName.getPDFName("Collection"),
      COSName.getPDFName("AF"), COSName.getPDFName("SpiderInfo"), COSName.getPDFName("DSS"));

  private static final List<COSName> PAGE_ENTRIES = List.of(COSName.ANNOTS, COSName.AA, COSName.METADATA,
      COSName.PIECE_INFO, COSName.STRUCT_PARENTS, COSName.getPDFName("Thumb"), COSName.B,
      COSName.getPDFName("AF"), COSName.getPDFName("PresSteps"));

  private DocumentCleaning() {}

  static void clean(PDDocument document) throws IOException {
    document.setAllSecurityToBeRemoved(true);
    PDDocumentCatalog catalog = document.getDocumentCatalog();
    flattenForm(catalog);
    COSDictionary catalogDict = catalog.getCOSObject();
    CATALOG_ENTRIES.forEach(catalogDict::removeItem);
    document.getDocument().getTrailer().removeItem(COSName.INFO);
    for (PDPage page : document.getPages()) {
      COSDictionary pageDict = page.getCOSObject();
      PAGE_ENTRIES.forEach(pageDict::removeItem);
      PDResources resources = page.getResources();
      if (resources != null) {
        for (COSName name : resources.getXObjectNames()) {
          if (resources.getXObject(name) != null) {
            COSDictionary xobject = resources.getXObject(name).getCOSObject();
            xobject.removeItem(COSName.METADATA);
            xobject.removeItem(COSName.PIECE_INFO);
          }
        }
      }
    }
  }

  private static void flattenForm(PDDocumentCatalog catalog) {
    PDAcroForm form = catalog.getAcroForm(null);
    if (form == null) {
      return;
    }
    try {
      form.flatten();
    } catch (IOException | RuntimeException e) {
      // a form PDFBox cannot flatten loses its widgets with the other annotations: its values are not released
    }
  }
}
