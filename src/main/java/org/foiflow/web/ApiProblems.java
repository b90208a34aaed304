package org.foiflow.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.foiflow.casefile.CaseConflictException;
import org.foiflow.casefile.CaseIndex;
import org.foiflow.casefile.DuplicateRequestException;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.NamedProblems;
import org.foiflow.casefile.ProblemMembers;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.documents.DocumentRefusedException;
import org.foiflow.security.EngineApiProblems;
import org.foiflow.security.EngineRestProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Every error of foiflow's own API answers RFC 9457 problem+json in the shape the engine's APIs use
 * ({@link EngineApiProblems}): {@code type}, {@code title} (the HTTP reason phrase), {@code status}, {@code detail}
 * in plain English, the bad fields under {@code errors} so a caller (or a form) can point at them, and
 * {@code message} = {@code detail}. No answer repeats an exception's own text unless foiflow wrote it for the
 * caller (the casefile exceptions); what nobody expected answers a plain 500 and goes to the log. Errors that
 * never reach a controller (a refused login, an unknown address, a wrong method) get the same shape from
 * {@link ApiErrorBodies}.
 */
@RestControllerAdvice(basePackages = "org.foiflow")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

  static final URI INVALID_REQUEST = URI.create("https://foiflow.org/problems/invalid-request");

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  private final CaseIndex caseIndex;

  public ApiProblems(CaseIndex caseIndex) {
    this.caseIndex = caseIndex;
  }

  /** The one shape: type about:blank, the reason phrase as title, detail and the same text as message. */
  public static ProblemDetail problem(HttpStatusCode status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("about:blank"));
    HttpStatus known = HttpStatus.resolve(status.value());
    problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
    problem.setProperty(ProblemMembers.MESSAGE, detail);
    return problem;
  }

  /** A 400 naming each bad field under errors; the detail lists them too. */
  static ProblemDetail badRequest(Map<String, String> errors) {
    return withFields(HttpStatus.BAD_REQUEST, errors);
  }

  private static ProblemDetail withFields(HttpStatus status, Map<String, String> errors) {
    ProblemDetail problem = problem(status,
        errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
    problem.setType(INVALID_REQUEST);
    problem.setProperty(ProblemMembers.ERRORS, errors);
    return problem;
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidFields(MethodArgumentNotValidException invalid) {
    Map<String, String> errors = new LinkedHashMap<>();
    invalid.getBindingResult().getFieldErrors()
        .forEach(error -> errors.putIfAbsent(error.getField(), Objects.toString(error.getDefaultMessage(), "is invalid")));
    return badRequest(errors);
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalidRequest(InvalidRequestException invalid) {
    return badRequest(invalid.problems());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
    if (unreadable.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = mismatch.getPath().stream()
          .map(JsonMappingException.Reference::getFieldName)
          .filter(name -> name != null)
          .collect(Collectors.joining("."));
      return badRequest(Map.of(field, expectation(mismatch)));
    }
    return badRequest(Map.of("body", "malformed JSON"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException mismatch) {
    Class<?> type = mismatch.getRequiredType();
    String expected = type != null && type.isEnum()
        ? "must be one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Object::toString).toList())
        : "has the wrong type";
    return badRequest(Map.of(mismatch.getName(), expected));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException missing) {
    return badRequest(Map.of(missing.getParameterName(), "is required"));
  }

  /** A rule of the case refused a value (a form contract, the exemption catalogue, a date): each field named. */
  @ExceptionHandler(BadUserRequestException.class)
  ProblemDetail refusedByTheCase(BadUserRequestException refused) {
    if (refused instanceof NamedProblems named) {
      return badRequest(named.problems());
    }
    // the engine's own wording names its internals (classes, ids); the caller learns only that it was refused
    log.info("Refused as a bad request: {}", refused.getMessage());
    return problem(HttpStatus.BAD_REQUEST, "The request does not fit the case as it stands");
  }

  @ExceptionHandler(DuplicateRequestException.class)
  ProblemDetail duplicate(DuplicateRequestException duplicate) {
    ProblemDetail problem = withFields(HttpStatus.CONFLICT, Map.of("request", duplicate.getMessage()));
    problem.setType(URI.create("about:blank"));
    problem.setDetail(duplicate.getMessage());
    problem.setProperty(ProblemMembers.MESSAGE, duplicate.getMessage());
    caseIndex.referenceOf(duplicate.fingerprint()).ifPresent(reference -> {
      problem.setProperty("reference", reference);
      problem.setProperty("location", "/api/requests/" + reference);
    });
    return problem;
  }

  /** Two people (or two nodes) changed the same case at the same moment: the first wins, nothing of this one is kept. */
  @ExceptionHandler(OptimisticLockingException.class)
  ProblemDetail changedAtTheSameTime(OptimisticLockingException conflict) {
    return problem(HttpStatus.CONFLICT, EngineRestProblems.CONFLICT);
  }

  /** A request the case's state does not allow now (a review of an open case, a second disclosure entry). */
  @ExceptionHandler(CaseConflictException.class)
  ProblemDetail notPossibleNow(CaseConflictException conflict) {
    return problem(HttpStatus.CONFLICT, conflict.getMessage());
  }

  /** A document refused for what it is (empty, too large, not a type a case takes, encrypted, a zip bomb): its own type. */
  @ExceptionHandler(DocumentRefusedException.class)
  ResponseEntity<ProblemDetail> documentRefused(DocumentRefusedException refused) {
    ProblemDetail problem = withFields(HttpStatus.valueOf(refused.status()), refused.problems());
    problem.setType(refused.type());
    return ResponseEntity.status(refused.status()).body(problem);
  }

  /** Past Spring's own multipart limit (set above foiflow.documents.max-file-size): the same answer as a file too large. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException tooLarge) {
    return documentRefused(new DocumentRefusedException(413, "document-too-large", "file",
        "the file is larger than a document may be: nothing was added"));
  }

  /** A multipart body that cannot be parsed (cut off, no closing boundary): the upload's fault, not a 500. */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail unreadableUpload(MultipartException unreadable) {
    return badRequest(Map.of("file", "the upload could not be read as multipart/form-data (it may have been cut"
        + " off): send the document again as the part 'file'"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail unsupportedType(HttpMediaTypeNotSupportedException unsupported) {
    return withFields(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Map.of("Content-Type", "must be application/json"));
  }

  @ExceptionHandler(UnknownCaseException.class)
  ProblemDetail unknownCase(UnknownCaseException unknown) {
    ProblemDetail problem = problem(HttpStatus.NOT_FOUND, unknown.getMessage());
    problem.setProperty("reference", unknown.reference());
    return problem;
  }

  /** The engine's wording names users, groups and resource ids: logged, and the caller told only that it is refused. */
  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException refused) {
    log.info("Refused: {}", refused.getMessage());
    return problem(HttpStatus.FORBIDDEN, EngineApiProblems.plain(403, null));
  }

  /**
   * Whatever no handler above expected. Spring's own request errors (a wrong method, an unknown address) keep
   * their status, in plain words; anything else answers a plain 500, the same for every cause: an exception's
   * message can carry SQL, file paths or class names, so it goes to the log only.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception failure) {
    if (failure instanceof ErrorResponse standard && standard.getStatusCode().value() < 500) {
      int status = standard.getStatusCode().value();
      return ResponseEntity.status(standard.getStatusCode()).headers(standard.getHeaders())
          .body(problem(standard.getStatusCode(), EngineApiProblems.plain(status, standard.getBody().getDetail())));
    }
    log.error("Unexpected failure answering an API request", failure);
    return ResponseEntity.internalServerError()
        .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, EngineApiProblems.plain(500, null)));
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
}
