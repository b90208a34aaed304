package org.foiflow.casepage;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.foiflow.casefile.GivenDates;
import org.foiflow.casefile.NamedProblems;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.intake.DeadlineExtensions;
import org.foiflow.intake.RequestStatus;
import org.foiflow.intake.RequestStatusQuery;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * POST /cases/{reference}/extension: the case page's "Extend the deadline" form (CSRF-protected like every staff
 * page's form). The rules are the API's ({@link DeadlineExtensions}); a refusal shows the case page again with each
 * problem beside its field, a success goes back to the case page, which shows the new due date.
 */
@Controller
public class CaseExtension {

  private final DeadlineExtensions extensions;
  private final RequestStatusQuery statusQuery;
  private final CasePage casePage;

  public CaseExtension(DeadlineExtensions extensions, RequestStatusQuery statusQuery, CasePage casePage) {
    this.extensions = extensions;
    this.statusQuery = statusQuery;
    this.casePage = casePage;
  }

  @PostMapping("/cases/{reference}/extension")
  public ModelAndView extend(@PathVariable String reference, @RequestParam(required = false) String kind,
                             @RequestParam(required = false) String reason,
                             @RequestParam(required = false) String exemption,
                             @RequestParam(required = false) String extendedDueOn, Authentication signedIn) {
    if (!CasePage.mayRead(signedIn)) {
      return CasePage.refusedToOutsiders();
    }
    Optional<RequestStatus> status = statusQuery.byReference(reference);
    if (status.isEmpty()) {
      return CasePage.noSuchCase(reference);
    }
    if (!ExtensionFormState.mayExtend(signedIn)) {
      return CasePage.notShown(HttpStatus.FORBIDDEN, "You cannot extend this deadline",
          "Only FOI officers can extend a deadline. Ask an officer to extend " + reference + ".");
    }
    Map<String, String> problems = new LinkedHashMap<>();
    DeadlineExtensions.Kind asKind = kindOf(kind, problems);
    LocalDate newDue = GivenDates.typed("extendedDueOn", extendedDueOn, problems);
    DeadlineExtensions.Asked asked = new DeadlineExtensions.Asked(asKind, reason,
        asKind == DeadlineExtensions.Kind.PUBLIC_INTEREST ? exemption : null, newDue);
    try {
      // every problem at once: the form's own (a date it could not read) first, then the extension's rules
      extensions.problemsWith(reference, asked).forEach(problems::putIfAbsent);
      if (problems.isEmpty()) {
        extensions.extend(reference, asked);
        return new ModelAndView("redirect:/cases/" + reference + "?extended#status");
      }
    } catch (BadUserRequestException refused) {
      if (!(refused instanceof NamedProblems named)) {
        throw refused;
      }
      named.problems().forEach(problems::putIfAbsent);
    } catch (UnknownCaseException gone) {
      return CasePage.noSuchCase(reference);
    } catch (AuthorizationException notAnOfficer) {
      return CasePage.notShown(HttpStatus.FORBIDDEN, "You cannot extend this deadline", notAnOfficer.getMessage());
    }
    ModelAndView again = casePage.page(reference, signedIn,
        ExtensionFormState.typed(status.get(), signedIn, reason, exemption, extendedDueOn, problems));
    again.setStatus(HttpStatus.BAD_REQUEST);
    return again;
  }

  private static DeadlineExtensions.Kind kindOf(String kind, Map<String, String> problems) {
    try {
      return kind == null || kind.isBlank() ? null : DeadlineExtensions.Kind.valueOf(kind.strip());
    } catch (IllegalArgumentException unknown) {
      problems.put("kind", "choose the kind of extension the form offers");
      return null;
    }
  }
}
