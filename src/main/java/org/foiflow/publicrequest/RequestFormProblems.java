package org.foiflow.publicrequest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.foiflow.casefile.Jurisdiction;
import org.foiflow.intake.NewRequest;
import org.foiflow.intake.RequestRules;
import org.springframework.stereotype.Component;

/**
 * What is wrong with an answered form, field by field, in the GOV.UK Design System's words ("Enter your full name",
 * "Rhowch eich enw llawn": {@link PublicFormWording}'s problem.* keys). The rules are the intake's own (NewRequest's
 * constraints, {@link RequestRules} and its law and language rules), so the form accepts exactly what
 * POST /api/requests accepts; only the wording is the form's.
 */
@Component
class RequestFormProblems {

  private final Validator validator;
  private final Jurisdiction jurisdiction;

  RequestFormProblems(Validator validator, Jurisdiction jurisdiction) {
    this.validator = validator;
    this.jurisdiction = jurisdiction;
  }

  /**
   * Field name (as in {@link RequestFormAnswers#FIELDS}) to message in {@code words}' language, in page order; empty
   * when the form is fine.
   */
  Map<String, String> of(RequestFormAnswers answers, LocalDate today, Map<String, String> words) {
    Map<String, String> inPageOrder = new LinkedHashMap<>();
    Map<String, String> found = problemKeys(answers, today);
    RequestFormAnswers.FIELDS.stream().filter(found::containsKey)
        .forEach(field -> inPageOrder.put(field, words.get(found.get(field))));
    return inPageOrder;
  }

  /** Field name to the wording's key of its problem. */
  private Map<String, String> problemKeys(RequestFormAnswers answers, LocalDate today) {
    NewRequest request = answers.asNewRequest(jurisdiction);
    Map<String, String> found = new LinkedHashMap<>();
    for (ConstraintViolation<NewRequest> violation : validator.validate(request)) {
      String path = violation.getPropertyPath().toString();
      Class<? extends Annotation> rule = violation.getConstraintDescriptor().getAnnotation().annotationType();
      switch (path) {
        case "requester.name" -> found.putIfAbsent("name", rule == NotBlank.class
            ? "problem.name.missing" : "problem.name.tooLong");
        case "requester.email" -> found.putIfAbsent("email", rule == Email.class
            ? "problem.email.format" : "problem.email.tooLong");
        case "requester.postalAddress" -> found.putIfAbsent("address", "problem.address.tooLong");
        case "request" -> found.putIfAbsent("request", rule == NotBlank.class
            ? "problem.request.missing" : "problem.request.tooLong");
        default -> found.putIfAbsent("request", "problem.request.notAccepted");
      }
    }
    Map<String, String> rules = RequestRules.violations(request.requester().name(), request.requester().email(),
        request.requester().postalAddress(), request.request(), today, today);
    if (rules.containsKey("requester.name")) {
      found.putIfAbsent("name", "problem.name.missing");
    }
    if (rules.containsKey("requester.email")) {
      found.putIfAbsent("email", blank(request.requester().email())
          ? "problem.email.orAddress" : "problem.email.format");
    }
    if (rules.containsKey("request")) {
      found.putIfAbsent("request", "problem.request.missing");
    }
    if (answers.environmental() != null && !answers.environmental().isBlank()
        && !RequestFormAnswers.ENVIRONMENTAL.contains(answers.environmental())) {
      found.put("environmental", "problem.environmental.choice");
    }
    if (RequestRules.lawViolations(jurisdiction, null, request.language()).containsKey("language")) {
      found.put("language", "problem.language.choice");
    }
    return found;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
