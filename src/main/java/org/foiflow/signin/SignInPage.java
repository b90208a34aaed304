package org.foiflow.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * foiflow's sign-in page for staff: user name and password (Camunda's users), and a link to the organisation's
 * identity provider when single sign-on is set up. Signing in here also signs in to Tasklist and Cockpit.
 */
@Controller
public class SignInPage {

  static final String PATH = "/login";

  private final ObjectProvider<ClientRegistrationRepository> identityProviders;

  public SignInPage(ObjectProvider<ClientRegistrationRepository> identityProviders) {
    this.identityProviders = identityProviders;
  }

  /** An identity provider offered on the page: its name and where its sign-in starts. */
  public record IdentityProvider(String name, String link) {
  }

  @GetMapping(PATH)
  public String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String signedOut,
                       Model model) {
    model.addAttribute("refused", error != null);
    model.addAttribute("signedOut", signedOut != null);
    model.addAttribute("identityProviders", identityProviders());
    return "sign-in";
  }

  private List<IdentityProvider> identityProviders() {
    List<IdentityProvider> offered = new ArrayList<>();
    if (identityProviders.getIfAvailable() instanceof InMemoryClientRegistrationRepository registrations) {
      for (ClientRegistration registration : registrations) {
        offered.add(new IdentityProvider(registration.getClientName(),
            "/oauth2/authorization/" + registration.getRegistrationId()));
      }
    }
    return offered;
  }

  /** Marks a sign-in from this page, so a refused one is logged as such rather than as a script's basic auth. */
  static final class FormDetails extends WebAuthenticationDetails {
    FormDetails(HttpServletRequest request) {
      super(request);
    }
  }

  static AuthenticationDetailsSource<HttpServletRequest, FormDetails> formDetails() {
    return FormDetails::new;
  }
}
