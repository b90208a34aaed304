package org.foiflow.drafting;

/**
 * A drafted letter in its three forms: HTML (the email body, and what is filed), plain text (what the
 * approver reads and an officer may edit) and PDF (the attachment and the printed copy).
 */
public record DraftedLetter(String html, String text, byte[] pdf) {
}
