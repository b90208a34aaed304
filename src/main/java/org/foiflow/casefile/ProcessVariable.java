package org.foiflow.casefile;

/**
 * A variable of one of foiflow's models: its name in the engine (the key of the form field that writes it) and
 * the type of value it holds. Each model lists its variables in one enum (e.g. {@link CaseVariable}).
 */
public interface ProcessVariable {

  /** The name and type, which each model's enum gives its entries. */
  Definition definition();

  /** The variable's name in the engine, in forms and in model expressions. */
  default String key() {
    return definition().key();
  }

  default Type type() {
    return definition().type();
  }

  /** What an entry of a model's contract says: the variable's name and type. */
  record Definition(String key, Type type) {
  }

  /** The types docs/process-variables.md names, as the engine stores them. */
  enum Type {
    /** A String. */
    TEXT,
    /** A String that may exceed 4000 characters ({@link LongText}), written with {@link CaseFile#putLongText}. */
    LONG_TEXT,
    /** An ISO date String, YYYY-MM-DD. */
    DATE,
    /** A java.util.Date, for the engine's due dates and timers. */
    TIMESTAMP,
    FLAG,
    NUMBER,
    /** A list, stored as JSON. */
    LIST,
    /** A map, stored as JSON. */
    MAP
  }
}
