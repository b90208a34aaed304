package org.foiflow.correspondence;

/** Why a letter goes by post, in the words the "Print and post" task shows. */
public enum PostReason {

  NO_EMAIL_ADDRESS("The requester gave no email address."),
  NO_EMAIL_SERVER("No email server is configured (spring.mail.host), so the letter could not be emailed."),
  EMAIL_REFUSED("The email server refused the email"),
  EMAIL_FAILED("The email could not be sent");

  private final String words;

  PostReason(String words) {
    this.words = words;
  }

  /** The reason in words, with what the email server said when there is something to add. */
  public String words(String detail) {
    return detail == null || detail.isBlank() ? words : words + ": " + detail;
  }
}
