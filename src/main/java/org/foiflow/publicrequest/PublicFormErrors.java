package org.foiflow.publicrequest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.foiflow.drafting.AuthorityProfile;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * A public form refused before it reaches {@link PublicRequestForm} (Spring Security's CSRF check: the browser sent
 * no token cookie, or an old page) is answered with a GOV.UK page saying what to do, not the bare error page staff
 * see. Any other path keeps Spring Boot's own error handling.
 */
@Component
class PublicFormErrors implements ErrorViewResolver {

  private final AuthorityProfile authority;
  private final PublicFormWording wording;

  PublicFormErrors(AuthorityProfile authority, PublicFormWording wording) {
    this.authority = authority;
    this.wording = wording;
  }

  @Override
  public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (status != HttpStatus.FORBIDDEN || !PublicRequestForm.PATH.equals(path)) {
      return null;
    }
    // the refused form was posted to /request?lang=cy from the Welsh page
    return PublicRequestForm.page(new ModelAndView("public/form-expired", status),
        wording.pageLanguage(request.getParameter(PublicFormWording.LANG)), wording, authority);
  }
}
