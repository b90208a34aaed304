package org.foiflow.incoming;

import java.util.List;

/** The names bpmn/incoming-correspondence.bpmn and its forms share with the Java that does its work. */
public final class IncomingCorrespondence {

  public static final String PROCESS_KEY = "incoming-correspondence";
  public static final String SORT_CORRESPONDENCE = "SortCorrespondence";
  public static final String NEW_CORRESPONDENCE = "NewCorrespondence";

  // what the case waits for (caseWaitsFor)
  public static final String CLARIFICATION = "CLARIFICATION";
  public static final String FEE = "FEE";
  public static final String NOTHING = "NOTHING";

  // Sort correspondence's choice (sortedAs)
  public static final String NEW_REQUEST = "NEW_REQUEST";
  public static final String FILE_TO_CASE = "FILE_TO_CASE";
  public static final String NOT_A_REQUEST = "NOT_A_REQUEST";
  public static final List<String> SORTINGS = List.of(NEW_REQUEST, FILE_TO_CASE, NOT_A_REQUEST);

  // New correspondence's choice (correspondenceKind)
  public static final String INTERNAL_REVIEW_REQUEST = "INTERNAL_REVIEW_REQUEST";
  public static final String FILED_ONLY = "FILED_ONLY";
  public static final List<String> KINDS = List.of(INTERNAL_REVIEW_REQUEST, FILED_ONLY);

  // foi_correspondence.status
  public static final String UNSORTED = "UNSORTED";
  public static final String FILED = "FILED";
  public static final String LOGGED = "LOGGED";
  public static final List<String> STATUSES = List.of(UNSORTED, FILED, LOGGED, NOT_A_REQUEST);

  private IncomingCorrespondence() {
  }
}
