package org.foiflow.documents;

import java.time.Instant;
import java.util.List;

/** A document located for a case, with its decision, the exemptions a withheld one relies on, and its redactions. */
public record CaseDocument(String id, String processInstanceId, String fileName, String contentType, long size,
                           String sha256, int pages, DocumentDecision decision, List<String> exemptions,
                           List<DocumentRedaction> redactions, String addedBy, Instant addedAt) {

  public CaseDocument {
    exemptions = List.copyOf(exemptions);
    redactions = List.copyOf(redactions);
  }
}
