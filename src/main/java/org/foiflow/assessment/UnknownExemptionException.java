package org.foiflow.assessment;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.foiflow.casefile.NamedProblems;

/** A cited exemption code the catalogue does not know: the form and the DMN table disagree, or a caller made it up. */
public class UnknownExemptionException extends BadUserRequestException implements NamedProblems {

  private final Map<String, String> problems;

  public UnknownExemptionException(String code) {
    this(Map.of("exemptions", "'" + shortened(code) + "' is not in the DMN exemption-catalogue"));
  }

  private UnknownExemptionException(Map<String, String> problems) {
    super("exemptions: " + problems.get("exemptions"));
    this.problems = problems;
  }

  @Override
  public Map<String, String> problems() {
    return problems;
  }

  /** Enough of a made-up code to recognise it, not a page of it. */
  private static String shortened(String code) {
    return code == null || code.length() <= 40 ? code : code.substring(0, 40) + "…";
  }
}
