package org.foiflow.documents;

import java.net.URI;
import java.util.Map;
import org.foiflow.casefile.NamedProblems;

/**
 * A file or a change to a document refused for what it is, not for a form's value: empty (400), too large (413),
 * not a type foiflow takes (415), unreadable, encrypted, a zip bomb or not convertible (422), a phrase found nowhere
 * (422). Answered as problem+json with its own type (docs/api.md lists them) and the field named; nothing is stored.
 */
public class DocumentRefusedException extends RuntimeException implements NamedProblems {

  public static final String TYPES = "https://foiflow.org/problems/";

  private final int status;
  private final URI type;
  private final String field;

  public DocumentRefusedException(int status, String type, String field, String message) {
    super(message);
    this.status = status;
    this.type = URI.create(TYPES + type);
    this.field = field;
  }

  public int status() {
    return status;
  }

  public URI type() {
    return type;
  }

  @Override
  public Map<String, String> problems() {
    return Map.of(field, getMessage());
  }
}
