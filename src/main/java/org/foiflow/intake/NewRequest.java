package org.foiflow.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.foiflow.casefile.Regime;
import org.foiflow.casefile.UserText;

/** The body of POST /api/requests: a request for information as it arrived. */
public record NewRequest(
    @NotNull(message = "the requester is required") @Valid Requester requester,
    @PastOrPresent(message = "the date received cannot be in the future") LocalDate receivedOn,
    Channel channel,
    Regime regime,
    @Size(max = 200, message = "at most 200 characters") String subject,
    @NotBlank(message = "the request must describe the information asked for (s.8(1)(c))")
    @Size(max = 20000, message = "at most 20000 characters") String request,
    String language) {

  /** Without a language: English. {@code language} is "en" or "cy" ({@link org.foiflow.casefile.Language}). */
  public NewRequest(Requester requester, LocalDate receivedOn, Channel channel, Regime regime, String subject,
                    String request) {
    this(requester, receivedOn, channel, regime, subject, request, null);
  }

  /** The same request with every text normalised ({@link UserText}): what the case keeps and its letters print. */
  public NewRequest normalised() {
    Requester who = requester == null ? null : new Requester(UserText.normalise(requester.name()),
        UserText.normalise(requester.email()), UserText.normalise(requester.postalAddress()));
    return new NewRequest(who, receivedOn, channel, regime, UserText.normalise(subject), UserText.normalise(request),
        language);
  }

  public record Requester(
      @NotBlank(message = "the requester's name is required (s.8(1)(b))")
      @Size(max = 200, message = "at most 200 characters") String name,
      @Email(message = "not an email address") @Size(max = 254, message = "at most 254 characters") String email,
      @Size(max = 500, message = "at most 500 characters") String postalAddress) {
  }

  public enum Channel { EMAIL, WEB, POST }
}
