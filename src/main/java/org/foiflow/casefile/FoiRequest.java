package org.foiflow.casefile;

/** The vocabulary of bpmn/foi-request.bpmn, the FOI/EIR request itself, which every feature may name. */
public final class FoiRequest {

  public static final String PROCESS_KEY = "foi-request";

  private FoiRequest() {
  }
}
