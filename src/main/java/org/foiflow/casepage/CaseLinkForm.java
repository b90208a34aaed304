package org.foiflow.casepage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.foiflow.casefile.CaseConflictException;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.links.OfficerLinks;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The case page's links forms (CSRF-protected like every staff page's form): POST /cases/{reference}/links adds an
 * officer's link, POST /cases/{reference}/links/{other}/{kind}/removal removes one. The rules are the API's
 * ({@link OfficerLinks}); a refusal shows the case page again with each problem beside its field.
 */
@Controller
public class CaseLinkForm {

  private final OfficerLinks links;
  private final CasePage casePage;

  public CaseLinkForm(OfficerLinks links, CasePage casePage) {
    this.links = links;
    this.casePage = casePage;
  }

  @PostMapping("/cases/{reference}/links")
  public ModelAndView link(@PathVariable String reference, @RequestParam(required = false) String other,
                           @RequestParam(required = false) String kind, @RequestParam(required = false) String note,
                           Authentication signedIn) {
    if (!CasePage.mayRead(signedIn)) {
      return CasePage.refusedToOutsiders();
    }
    Map<String, String> problems = new LinkedHashMap<>();
    try {
      links.add(reference, other, kind, note);
      return new ModelAndView("redirect:/cases/" + reference + "#links");
    } catch (InvalidRequestException refused) {
      problems.putAll(refused.problems());
    } catch (CaseConflictException already) {
      problems.put("reference", already.getMessage());
    } catch (UnknownCaseException gone) {
      return CasePage.noSuchCase(reference);
    } catch (AuthorizationException notAnOfficer) {
      return mayNotLink(reference);
    }
    ModelAndView again = casePage.page(reference, signedIn, null,
        new LinkFormState(other, kind, note, problems));
    again.setStatus(HttpStatus.BAD_REQUEST);
    return again;
  }

  @PostMapping("/cases/{reference}/links/{other}/{kind}/removal")
  public ModelAndView unlink(@PathVariable String reference, @PathVariable String other, @PathVariable String kind,
                             Authentication signedIn) {
    if (!CasePage.mayRead(signedIn)) {
      return CasePage.refusedToOutsiders();
    }
    try {
      links.remove(reference, other, kind);
      return new ModelAndView("redirect:/cases/" + reference + "#links");
    } catch (UnknownCaseException gone) {
      return CasePage.noSuchCase(reference);
    } catch (AuthorizationException notAnOfficer) {
      return mayNotLink(reference);
    } catch (CaseConflictException | InvalidRequestException | ResponseStatusException notRemoved) {
      return CasePage.notShown(HttpStatus.CONFLICT, "The link was not removed",
          notRemoved instanceof ResponseStatusException missing ? missing.getReason() : notRemoved.getMessage());
    }
  }

  private static ModelAndView mayNotLink(String reference) {
    return CasePage.notShown(HttpStatus.FORBIDDEN, "You cannot link this case",
        "Only FOI officers and managers link cases. Ask an officer to link " + reference + ".");
  }
}
