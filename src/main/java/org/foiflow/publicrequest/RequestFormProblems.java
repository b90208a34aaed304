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
 * What is wrong with an answered form, field by field, in the GOV.UK Design System's words ("Enter your full name").
 * The rules are the intake's own (NewRequest's constraints and {@link RequestRules}), so the form accepts exactly what
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

  /** Field name (as in {@link RequestFormAnswers#FIELDS}) to message, in page order; empty when the form is fine. */
  Map<String, String> of(RequestFormAnswers answers, LocalDate today) {
    NewRequest request = answers.asNewRequest(jurisdiction);
    Map<String, String> found = new LinkedHashMap<>();
    for (ConstraintViolation<NewRequest> violation : validator.validate(request)) {
      String path = violation.getPropertyPath().toString();
      Class<? extends Annotation> rule = violation.getConstraintDescriptor().getAnnotation().annotationType();
      switch (path) {
        case "requester.name" -> found.putIfAbsent("name", rule == NotBlank.class
            ? "Enter your full name" : "Full name must be 200 characters or fewer");
        case "requester.email" -> found.putIfAbsent("email", rule == Email.class
            ? "Enter an email address in the correct format, like name@example.com"
            : "Email address must be 254 characters or fewer");
        case "requester.postalAddress" -> found.putIfAbsent("address", "Postal address must be 500 characters or fewer");
        case "request" -> found.putIfAbsent("request", rule == NotBlank.class
            ? "Enter the information you want" : "Your request must be 20,000 characters or fewer");
        default -> found.putIfAbsent(path, violation.getMessage());
      }
    }
    Map<String, String> rules = RequestRules.violations(request.requester().name(), request.requester().email(),
        request.requester().postalAddress(), request.request(), today, today);
    if (rules.containsKey("requester.name")) {
      found.putIfAbsent("name", "Enter your full name");
    }
    if (rules.containsKey("requester.email")) {
      found.putIfAbsent("email", blank(request.requester().email())
          ? "Enter an email address or a postal address, so that we can send you our answer"
          : "Enter an email address in the correct format, like name@example.com");
    }
    if (rules.containsKey("request")) {
      found.putIfAbsent("request", "Enter the information you want");
    }
    if (answers.environmental() != null && !answers.environmental().isBlank()
        && !RequestFormAnswers.ENVIRONMENTAL.contains(answers.environmental())) {
      found.put("environmental", "Select yes, no or not sure, or leave the question unanswered");
    }
    Map<String, String> inPageOrder = new LinkedHashMap<>();
    RequestFormAnswers.FIELDS.stream().filter(found::containsKey).forEach(field -> inPageOrder.put(field, found.get(field)));
    return inPageOrder;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
