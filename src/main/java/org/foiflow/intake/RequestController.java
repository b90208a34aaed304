package org.foiflow.intake;

import jakarta.validation.Valid;
import java.net.URI;
import org.foiflow.casefile.UnknownCaseException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The intake API: log a request (it starts a case) and look a case up by its reference. */
@RestController
@RequestMapping("/api/requests")
public class RequestController {

  private final RequestLogging requestLogging;
  private final RequestStatusQuery statusQuery;

  public RequestController(RequestLogging requestLogging, RequestStatusQuery statusQuery) {
    this.requestLogging = requestLogging;
    this.statusQuery = statusQuery;
  }

  @PostMapping
  public ResponseEntity<RequestStatus> log(@Valid @RequestBody NewRequest submitted) {
    RequestStatus status = requestLogging.log(submitted);
    return ResponseEntity.created(URI.create("/api/requests/" + status.reference())).body(status);
  }

  @GetMapping("/{reference}")
  public ResponseEntity<RequestStatus> show(@PathVariable String reference) {
    return statusQuery.byReference(reference)
        .map(ResponseEntity::ok)
        .orElseThrow(() -> new UnknownCaseException(reference));
  }
}
