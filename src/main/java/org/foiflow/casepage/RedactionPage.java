package org.foiflow.casepage;

import java.util.Optional;
import org.foiflow.documents.CaseDocument;
import org.foiflow.documents.CaseDocuments;
import org.foiflow.intake.RequestStatus;
import org.foiflow.intake.RequestStatusQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * GET /cases/{reference}/documents/{id}: one document's page view, where the officer redacts it (boxes drawn on the
 * page, text found, personal data suggested), each redaction under its exemption, and decides what is released.
 * The page places the document and its pages; static/redaction.js does the work through the documents API, which
 * holds every rule (who may change what, and when), so the page cannot do more than the API allows.
 */
@Controller
public class RedactionPage {

  private final RequestStatusQuery statusQuery;
  private final CaseDocuments documents;

  public RedactionPage(RequestStatusQuery statusQuery, CaseDocuments documents) {
    this.statusQuery = statusQuery;
    this.documents = documents;
  }

  @GetMapping(value = "/cases/{reference}/documents/{documentId}", produces = MediaType.TEXT_HTML_VALUE)
  public ModelAndView show(@PathVariable String reference, @PathVariable String documentId, Authentication signedIn) {
    if (!CasePage.mayRead(signedIn)) {
      return CasePage.refusedToOutsiders();
    }
    Optional<RequestStatus> status = statusQuery.byReference(reference);
    if (status.isEmpty()) {
      return CasePage.noSuchCase(reference);
    }
    Optional<CaseDocument> found = documents.find(status.get().processInstanceId(), documentId);
    if (found.isEmpty()) {
      return CasePage.notShown(HttpStatus.NOT_FOUND, "No such document",
          "Case " + reference + " has no document with that address. Open the case page to see its documents.");
    }
    CaseDocument document = found.get();
    CaseDocumentList.Row row = CaseDocumentList.row(reference, document);
    String api = CaseDocumentList.api(reference) + "/" + document.id();
    return new ModelAndView("redaction")
        .addObject("stylesheet", "/redaction.css")
        .addObject("reference", reference)
        .addObject("api", api)
        .addObject("listApi", CaseDocumentList.api(reference))
        .addObject("mayEdit", ExtensionFormState.mayExtend(signedIn))
        .addObject("document", new Shown(row.fileName(), Math.max(document.pages(), 0), row.decision(),
            new Fact.Facts()
                .add("Type", row.type())
                .add("Pages", row.pages())
                .add("Size", row.size())
                .add("Added by", row.addedBy())
                .add("Added on", row.addedOn())
                .list(),
            row.original(), row.redacted(),
            document.redactions().isEmpty() ? "No redactions yet." : document.redactions().size() == 1
                ? "One redaction." : document.redactions().size() + " redactions.",
            CaseDocumentList.lines(document)));
  }

  /** What the template places before the script has run. */
  public record Shown(String fileName, int pages, String decision, java.util.List<Fact> facts, String original,
                      String redacted, String redactionCount, java.util.List<String> redactionLines) {
  }
}
