package org.foiflow.intake;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.foiflow.casefile.CaseIndex;
import org.foiflow.casefile.DuplicateRequestException;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.NamedProblems;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.security.EngineRestProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Bad input on the foiflow API answers 400 with an RFC 9457 problem body whose "errors" name each bad
 * field, so a caller (or a form) can point at it. Nothing has been started when this is sent.
 */
@RestControllerAdvice(basePackages = "org.foiflow")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  private final CaseIndex caseIndex;

  public ApiProblems(CaseIndex caseIndex) {
    this.caseIndex = caseIndex;
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidFields(MethodArgumentNotValidException invalid) {
    Map<String, String> errors = new LinkedHashMap<>();
    invalid.getBindingResult().getFieldErrors()
        .forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
    return badRequest("The request has invalid fields", errors);
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalidRequest(InvalidRequestException invalid) {
    return badRequest("The request cannot be logged", invalid.problems());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
    if (unreadable.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = mismatch.getPath().stream()
          .map(JsonMappingException.Reference::getFieldName)
          .filter(name -> name != null)
          .collect(Collectors.joining("."));
      return badRequest("The request has invalid fields", Map.of(field, expectation(mismatch)));
    }
    return badRequest("The body is not valid JSON", Map.of("body", "malformed JSON"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException mismatch) {
    Class<?> type = mismatch.getRequiredType();
    String expected = type != null && type.isEnum()
        ? "must be one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Object::toString).toList())
        : "has the wrong type";
    return badRequest("The request has an invalid parameter", Map.of(mismatch.getName(), expected));
  }

  /** A rule of the case refused a value (a form contract, the exemption catalogue, a date): each field named. */
  @ExceptionHandler(BadUserRequestException.class)
  ProblemDetail refusedByTheCase(BadUserRequestException refused) {
    if (refused instanceof NamedProblems named) {
      return badRequest("The request cannot be carried out", named.problems());
    }
    // the engine's own wording names its internals (classes, ids); the caller learns only that it was refused
    log.info("Refused as a bad request: {}", refused.getMessage());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request does not fit the case as it stands");
    problem.setTitle("The request cannot be carried out");
    return problem;
  }

  @ExceptionHandler(DuplicateRequestException.class)
  ProblemDetail duplicate(DuplicateRequestException duplicate) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, duplicate.getMessage());
    problem.setTitle("Already logged");
    problem.setProperty("errors", Map.of("request", duplicate.getMessage()));
    caseIndex.referenceOf(duplicate.fingerprint()).ifPresent(reference -> {
      problem.setProperty("reference", reference);
      problem.setProperty("location", "/api/requests/" + reference);
    });
    return problem;
  }

  /** Two people (or two nodes) changed the same case at the same moment: the first wins, nothing of this one is kept. */
  @ExceptionHandler(OptimisticLockingException.class)
  ProblemDetail conflict(OptimisticLockingException conflict) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, EngineRestProblems.CONFLICT);
    problem.setTitle("Changed at the same time");
    return problem;
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail unsupportedType(HttpMediaTypeNotSupportedException unsupported) {
    ProblemDetail problem = badRequest("The body must be JSON", Map.of("Content-Type", "must be application/json"));
    problem.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    return problem;
  }

  @ExceptionHandler(UnknownCaseException.class)
  ProblemDetail unknownCase(UnknownCaseException unknown) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
    problem.setTitle("Unknown FOI request");
    problem.setProperty("reference", unknown.reference());
    return problem;
  }

  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException refused) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refused.getMessage());
    problem.setTitle("Not allowed");
    return problem;
  }

  private static String expectation(MismatchedInputException mismatch) {
    if (mismatch instanceof InvalidFormatException format && format.getTargetType().isEnum()) {
      List<String> allowed = Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString).toList();
      return "must be one of " + String.join(", ", allowed);
    }
    if (mismatch instanceof InvalidFormatException format && format.getTargetType() == java.time.LocalDate.class) {
      return "must be a date as YYYY-MM-DD";
    }
    return "must be a " + mismatch.getTargetType().getSimpleName().toLowerCase().replace("string", "text");
  }

  private static ProblemDetail badRequest(String title, Map<String, String> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
    problem.setTitle(title);
    problem.setType(URI.create("https://foiflow.org/problems/invalid-request"));
    problem.setProperty("errors", errors);
    return problem;
  }
}
