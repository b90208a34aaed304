package org.foiflow.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Emails as people send them, read into what foiflow files: headers, text, attachments. */
class ReceivedMessageTest {

  private static byte[] mail(String text) {
    return text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void aPlainReplyGivesItsHeadersAndText() {
    ReceivedMessage message = ReceivedMessage.parse(mail("""
        Message-ID: <reply-1@example.org>
        From: "Robin Requester" <robin@example.org>
        Reply-To: foi+request-123-abc@whatdotheyknow.com
        To: foi@example.gov.uk, other@example.gov.uk
        Subject: =?UTF-8?Q?Re:_FOI-2026-00042_caf=C3=A9_licences?=
        In-Reply-To: <l1.pi1@foiflow>
        References: <request@example.org>
         <l1.pi1@foiflow>
        Date: Tue, 14 Apr 2026 09:30:00 +0100
        Content-Type: text/plain; charset=UTF-8

        I mean the licences issued in 2025.
        """));

    assertThat(message.messageId()).isEqualTo("<reply-1@example.org>");
    assertThat(message.fromShown()).isEqualTo("Robin Requester <robin@example.org>");
    assertThat(message.replyTo()).isEqualTo("foi+request-123-abc@whatdotheyknow.com");
    assertThat(message.to()).isEqualTo("foi@example.gov.uk, other@example.gov.uk");
    assertThat(message.subject()).isEqualTo("Re: FOI-2026-00042 café licences");
    assertThat(message.inReplyTo()).isEqualTo("<l1.pi1@foiflow>");
    assertThat(message.references()).containsExactly("<request@example.org>", "<l1.pi1@foiflow>");
    assertThat(message.sentAt()).hasToString("2026-04-14T08:30:00Z");
    assertThat(message.bodyText()).isEqualTo("I mean the licences issued in 2025.");
    assertThat(message.attachments()).isEmpty();
  }

  @Test
  void anHtmlOnlyMessageIsReducedToTextAndItsAttachmentsAndForwardedEmailKeptInOrder() {
    ReceivedMessage message = ReceivedMessage.parse(mail("""
        From: someone@example.org
        Subject: papers
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/html; charset=windows-1252

        <html><body><p>Please find attached &amp; see below.</p><script>x()</script></body></html>
        --b1
        Content-Type: application/pdf; name="letter.pdf"
        Content-Disposition: attachment; filename="letter.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --b1
        Content-Type: application/octet-stream
        Content-Disposition: attachment

        unnamed bytes
        --b1
        Content-Type: message/rfc822

        From: council@example.gov.uk
        Subject: the original

        forwarded text
        --b1--
        """));

    assertThat(message.bodyText()).isEqualTo("Please find attached & see below.");
    assertThat(message.attachments()).extracting(ReceivedMessage.Attachment::fileName)
        .containsExactly("letter.pdf", "attachment-2", "attachment-3.eml");
    assertThat(new String(message.attachments().get(0).content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4\n");
    assertThat(new String(message.attachments().get(2).content(), StandardCharsets.US_ASCII))
        .contains("Subject: the original").contains("forwarded text");
  }

  @Test
  void plainTextIsPreferredToItsHtmlAlternativeAndAnUnknownCharsetIsReadAsUtf8() {
    ReceivedMessage message = ReceivedMessage.parse(mail("""
        From: someone@example.org
        Subject: alternatives
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/plain; charset=x-unknown-charset

        the plain words
        --alt
        Content-Type: text/html

        <p>the html words</p>
        --alt--
        """));

    assertThat(message.bodyText()).isEqualTo("the plain words");
  }

  @Test
  void aMultipartWithoutItsBoundaryIsRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> ReceivedMessage.parse(mail("""
        From: someone@example.org
        Subject: broken
        Content-Type: multipart/mixed

        no boundary anywhere
        """))).isInstanceOf(ReceivedMessage.UnreadableMessageException.class)
        .hasMessageStartingWith("its MIME structure is broken");
  }

  @Test
  void aMessageWithNoTextAndNoAttachmentsIsEmpty() {
    assertThat(ReceivedMessage.parse(mail("""
        From: someone@example.org
        Subject: (no subject)

        \s
        """)).isEmpty()).isTrue();
  }

  @Test
  void aMessageNestedThousandsOfMultipartsDeepIsUnreadableNotAStackOverflow() {
    StringBuilder nested = new StringBuilder("From: someone@example.org\nSubject: deep\n");
    int depth = 1_000;
    for (int level = 0; level < depth; level++) {
      nested.append("Content-Type: multipart/mixed; boundary=\"b").append(level).append("\"\n\n--b").append(level)
          .append("\n");
    }
    nested.append("Content-Type: text/plain\n\nhello\n");
    for (int level = depth - 1; level >= 0; level--) {
      nested.append("--b").append(level).append("--\n");
    }

    assertThatThrownBy(() -> ReceivedMessage.parse(mail(nested.toString())))
        .isInstanceOf(ReceivedMessage.UnreadableMessageException.class)
        .hasMessageContaining("nested");
  }

  @Test
  void aMessageWithThousandsOfAttachmentsIsUnreadableRatherThanThousandsOfRows() {
    StringBuilder many = new StringBuilder("From: someone@example.org\nSubject: many\n"
        + "Content-Type: multipart/mixed; boundary=\"b\"\n\n");
    for (int file = 0; file <= ReceivedMessage.MOST_ATTACHMENTS; file++) {
      many.append("--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"f")
          .append(file).append(".bin\"\n\nx\n");
    }
    many.append("--b--\n");

    assertThatThrownBy(() -> ReceivedMessage.parse(mail(many.toString())))
        .isInstanceOf(ReceivedMessage.UnreadableMessageException.class)
        .hasMessageContaining("attachments");
  }

  @Test
  void aFoldedOrPaddedMessageIdIsKeptAsTheOneIdItNames() {
    ReceivedMessage message = ReceivedMessage.parse(mail("""
        Message-ID:
         <folded-1@example.org> (comment)
        From: someone@example.org
        Subject: folded
        Content-Type: text/plain

        hello
        """));

    assertThat(message.messageId()).isEqualTo("<folded-1@example.org>");
  }
}
