package org.foiflow.review;

import org.foiflow.casefile.CaseConflictException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A request the case's state does not allow now answers 409 with a problem body, like the intake API's. */
@RestControllerAdvice(basePackages = {"org.foiflow.review", "org.foiflow.complaints", "org.foiflow.disclosure"})
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AfterResponseProblems {

  @ExceptionHandler(CaseConflictException.class)
  ProblemDetail conflict(CaseConflictException conflict) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
    problem.setTitle("Not possible now");
    return problem;
  }
}
