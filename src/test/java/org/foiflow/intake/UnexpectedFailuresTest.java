package org.foiflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

class UnexpectedFailuresTest {

  private final UnexpectedFailures handler = new UnexpectedFailures();

  @Test
  void anUnexpectedFailureAnswersAPlain500WithNothingOfItsCause() {
    ResponseEntity<ProblemDetail> answer = handler.unexpected(new IllegalArgumentException(
        "PreparedStatementCallback; SQL [INSERT INTO foi_case_exemption (reference, code) VALUES (?, ?)]",
        new java.sql.SQLException("Value too long for column")));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(answer.getBody().getTitle()).isEqualTo("Something went wrong on our side");
    assertThat(answer.getBody().getDetail()).isNull();
    assertThat(String.valueOf(answer.getBody())).doesNotContain("SQL", "INSERT", "Exception", "foi_case");
  }

  @Test
  void springsOwnRequestErrorsKeepTheirStatus() {
    ResponseEntity<ProblemDetail> answer = handler.unexpected(new ResponseStatusException(HttpStatus.NOT_FOUND));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
