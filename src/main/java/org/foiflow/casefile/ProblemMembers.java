package org.foiflow.casefile;

/**
 * The members of every error body foiflow sends (RFC 9457 problem+json), on its own API and the engine's alike:
 * {@code type}, {@code title} (the HTTP reason phrase), {@code status}, {@code detail} in plain English,
 * {@code errors} (field name to message) when fields are named, and {@code message}, the same text as
 * {@code detail}, because Camunda's webapps show that member.
 */
public final class ProblemMembers {

  public static final String TYPE = "type";
  public static final String TITLE = "title";
  public static final String STATUS = "status";
  public static final String DETAIL = "detail";
  public static final String ERRORS = "errors";
  public static final String MESSAGE = "message";
  public static final String MEDIA_TYPE = "application/problem+json";

  private ProblemMembers() {
  }
}
