package org.foiflow.casepage;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.foiflow.intake.RequestStatusQuery;
import org.foiflow.security.FoiGroups;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The case page, GET /cases/{reference}: one FOI case for the FOI team, open or closed, rendered on the server
 * (templates/case.html, every value placed with th:text, which escapes it), so it reads without script. Signed in
 * like every staff page (the session, or HTTP basic auth for scripts); someone outside the FOI groups gets a plain
 * 403 page, an unknown reference a plain 404 page, never an error trace.
 */
@Controller
public class CasePage {

  /** The groups that read cases (as the engine's authorizations grant), and administrators. */
  static final List<String> MAY_READ = List.of(FoiGroups.OFFICERS, FoiGroups.APPROVERS, FoiGroups.MANAGERS,
      FoiGroups.PRESS_OFFICE, FoiGroups.SENIOR_CLEARANCE, Groups.CAMUNDA_ADMIN);

  private final CaseRecords records;
  private final RequestStatusQuery statusQuery;
  private final CaseDocumentList documents;
  private final CaseCorrespondenceList correspondence;
  private final CaseContributionList contributions;
  private final CaseContext context;

  public CasePage(CaseRecords records, RequestStatusQuery statusQuery, CaseDocumentList documents,
                  CaseCorrespondenceList correspondence, CaseContributionList contributions,
                  CaseContext context) {
    this.records = records;
    this.statusQuery = statusQuery;
    this.documents = documents;
    this.correspondence = correspondence;
    this.contributions = contributions;
    this.context = context;
  }

  @GetMapping(value = "/cases/{reference}", produces = MediaType.TEXT_HTML_VALUE)
  public ModelAndView show(@PathVariable String reference, @RequestParam(required = false) String extended,
                           Authentication signedIn) {
    // checked here, before any query: the engine would only hide the case, and an outsider should be told why
    if (!mayRead(signedIn)) {
      return refusedToOutsiders();
    }
    ModelAndView page = page(reference, signedIn, statusQuery.byReference(reference)
        .map(status -> ExtensionFormState.blank(status, signedIn)).orElse(null));
    // back from the extension form: the status section shows the new due date
    return page.addObject("extended", extended != null);
  }

  /** The case page with the extension form as given (blank, or as typed with its problems). */
  ModelAndView page(String reference, Authentication signedIn, ExtensionFormState extension) {
    return page(reference, signedIn, extension, LinkFormState.blank());
  }

  /** The case page with the add-a-link form as given; a null extension form is the blank one. */
  ModelAndView page(String reference, Authentication signedIn, ExtensionFormState extension, LinkFormState linkForm) {
    ExtensionFormState shownExtension = extension != null ? extension : statusQuery.byReference(reference)
        .map(status -> ExtensionFormState.blank(status, signedIn)).orElse(null);
    return records.byReference(reference)
        .map(found -> new ModelAndView("case").addObject("record", found).addObject("extension", shownExtension)
            .addObject("stylesheet", "/redaction.css")
            .addObject("documents", documents.of(reference, found.processInstanceId(), signedIn))
            .addObject("correspondence", correspondence.of(reference, found.processInstanceId()))
            .addObject("contributions", contributions.contributions(reference))
            .addObject("consultations", contributions.consultations(found.processInstanceId()))
            .addObject("clearances", contributions.clearances(found.processInstanceId()))
            .addObject("context", context.of(reference)).addObject("linkForm", linkForm))
        .orElseGet(() -> noSuchCase(reference));
  }

  static boolean mayRead(Authentication signedIn) {
    return signedIn != null && signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(MAY_READ::contains);
  }

  static ModelAndView refusedToOutsiders() {
    return notShown(HttpStatus.FORBIDDEN, "You cannot see FOI cases",
        "Case pages are for the FOI team: officers, approvers and managers. Ask an administrator if you need access.");
  }

  static ModelAndView noSuchCase(String reference) {
    return notShown(HttpStatus.NOT_FOUND, "No such case",
        "There is no FOI case with the reference " + reference + ". Check the reference and try again.");
  }

  static ModelAndView notShown(HttpStatus status, String title, String explanation) {
    ModelAndView view = new ModelAndView("case-not-shown");
    view.setStatus(status);
    view.addObject("title", title);
    view.addObject("explanation", explanation);
    return view;
  }
}
