package org.foiflow.drafting;

/**
 * A drafted letter in its forms: HTML (the email body, and what is filed), plain text (read where no markup can be
 * shown) and Markdown (what the approver sees rendered in Tasklist and an officer edits, keeping the headings,
 * lists and quotes). Its PDF (the attachment and the printed copy) is rendered from the filed HTML by
 * {@link PdfCopies} when it is needed.
 */
public record DraftedLetter(String html, String text, String markdown) {
}
