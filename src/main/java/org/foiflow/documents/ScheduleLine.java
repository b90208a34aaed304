package org.foiflow.documents;

/**
 * One line of the redaction log: a document's page and the exemption its redactions there rely on, with how many;
 * or (page null) a document withheld whole under an exemption.
 */
public record ScheduleLine(String documentName, Integer page, String exemption, String label, int count) {
}
