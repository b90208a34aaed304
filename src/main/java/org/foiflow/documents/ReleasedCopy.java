package org.foiflow.documents;

/** A document as it is released: its burned-in PDF (never the original), named e.g. "Policy (redacted).pdf". */
public record ReleasedCopy(String documentId, String fileName, byte[] pdf, DocumentDecision decision) {
}
