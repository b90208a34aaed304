package org.foiflow.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The names people know a case's fields by: the labels our Camunda Forms give them ("Date received", not
 * receivedOn), so a refusal reads as a sentence about the form they filled in. The intake API's dotted names
 * (requester.name) are the forms' requesterName.
 */
@Component
public class FormLabels {

  private final Map<String, String> labels = new LinkedHashMap<>();

  public FormLabels() throws IOException {
    for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      try (InputStream in = form.getInputStream()) {
        FormContract.read(in).labels().forEach(labels::putIfAbsent);
      }
    }
  }

  /** The field's label, or null when no form has it. */
  public String of(String key) {
    String label = labels.get(key);
    if (label == null && key.contains(".")) {
      // requester.name -> requesterName
      String[] parts = key.split("\\.");
      StringBuilder camel = new StringBuilder(parts[0]);
      for (int i = 1; i < parts.length; i++) {
        camel.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
      }
      label = labels.get(camel.toString());
    }
    return label;
  }

  /** "Date received: cannot be in the future (today is 2 December 2026); Subject: is required". */
  public String sentence(Map<String, String> problems) {
    return problems.entrySet().stream()
        .map(problem -> (of(problem.getKey()) != null ? of(problem.getKey()) : problem.getKey()) + ": " + problem.getValue())
        .collect(Collectors.joining("; "));
  }
}
