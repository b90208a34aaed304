package org.foiflow.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Whatever no other handler expected answers a plain 500 problem, the same for every cause: an exception's message
 * can carry SQL, file paths or class names, so it goes to the log only. Runs after every other advice (the
 * specific 4xx answers of {@link ApiProblems} and the others come first); Spring's own request errors (404, 405,
 * a missing parameter) keep their status and standard body.
 */
@RestControllerAdvice(basePackages = "org.foiflow")
@Order(Ordered.LOWEST_PRECEDENCE)
public class UnexpectedFailures {

  static final String SOMETHING_WENT_WRONG = "Something went wrong on our side";

  private static final Logger log = LoggerFactory.getLogger(UnexpectedFailures.class);

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception failure) {
    if (failure instanceof ErrorResponse standard) {
      return ResponseEntity.status(standard.getStatusCode()).headers(standard.getHeaders()).body(standard.getBody());
    }
    log.error("Unexpected failure answering an API request", failure);
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
    problem.setTitle(SOMETHING_WENT_WRONG);
    return ResponseEntity.internalServerError().body(problem);
  }
}
