package org.foiflow.drafting;

/**
 * A drafted letter in its two forms: HTML (the email body, and what is filed) and plain text (what the approver
 * reads and an officer may edit). Its PDF (the attachment and the printed copy) is rendered from the filed HTML
 * by {@link PdfCopies} when it is needed.
 */
public record DraftedLetter(String html, String text) {
}
