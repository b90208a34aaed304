package org.foiflow.intake;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.foiflow.intake.DeadlineExtensions.Kind;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/requests/{reference}/extension: an officer extends the deadline of an open case. The rules that
 * make an extension lawful are {@link DeadlineExtensions}', the same as the case page's form: in Scotland, none for a
 * FOISA case (FOISA has no public interest extension) and only EIR_COMPLEX (reg 7) for an EISR case.
 */
@RestController
public class ExtensionController {

  public record ExtensionRequest(@NotNull(message = "PUBLIC_INTEREST or EIR_COMPLEX") Kind kind,
                                 @NotBlank(message = "the reason for the extension is required")
                                 @Size(max = DeadlineExtensions.LONGEST_REASON, message = "at most 2000 characters")
                                 String reason,
                                 String exemption,
                                 LocalDate extendedDueOn) {
  }

  private final DeadlineExtensions extensions;

  public ExtensionController(DeadlineExtensions extensions) {
    this.extensions = extensions;
  }

  @PostMapping("/api/requests/{reference}/extension")
  public ExtensionGiven extend(@PathVariable String reference, @Valid @RequestBody ExtensionRequest body) {
    DeadlineExtensions.Given given = extensions.extend(reference,
        new DeadlineExtensions.Asked(body.kind(), body.reason(), body.exemption(), body.extendedDueOn()));
    return new ExtensionGiven(given.status(), given.originalDueOn(), given.extensionExceedsGuidance());
  }

  /**
   * The case with its new due date, the date it replaced, and whether a public interest extension goes past the
   * ICO's guidance of 20 further working days.
   */
  public record ExtensionGiven(@JsonUnwrapped RequestStatus status, String originalDueOn,
                               boolean extensionExceedsGuidance) {
  }
}
