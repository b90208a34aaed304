package org.foiflow.documents;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * An email (.eml) as the page its rendition shows: its headers (From, To, Cc, Date, Subject), its text (the plain
 * part, or the HTML part's text) and the names of its attachments, which are listed, not opened: an officer adds
 * an attachment that falls within the request as a document of its own.
 */
final class EmailText {

  private static final String[] HEADERS = {"From", "To", "Cc", "Date", "Subject"};

  private EmailText() {
  }

  static String html(byte[] eml) {
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
      StringBuilder html = new StringBuilder("<dl>");
      for (String header : HEADERS) {
        String value = message.getHeader(header, ", ");
        if (value != null) {
          html.append("<dt>").append(header).append("</dt><dd>")
              .append(PdfRendition.escaped(MimeUtility.decodeText(MimeUtility.unfold(value)))).append("</dd>");
        }
      }
      html.append("</dl>");
      StringBuilder text = new StringBuilder();
      List<String> attachments = new ArrayList<>();
      walk(message, text, attachments);
      html.append("<pre>").append(PdfRendition.escaped(text.toString().strip())).append("</pre>");
      if (!attachments.isEmpty()) {
        html.append("<p><b>Attachments (not part of this document):</b></p><ul>");
        attachments.forEach(name -> html.append("<li>").append(PdfRendition.escaped(name)).append("</li>"));
        html.append("</ul>");
      }
      return html.toString();
    } catch (MessagingException | IOException unreadable) {
      throw new DocumentRefusedException(422, "unreadable-document", "file",
          "the email cannot be read (it is damaged or not an email): nothing was added");
    }
  }

  private static void walk(Part part, StringBuilder text, List<String> attachments) throws MessagingException, IOException {
    String name = part.getFileName();
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || (name != null && !part.isMimeType("multipart/*"))) {
      attachments.add(name == null ? "(an attachment without a name)" : MimeUtility.decodeText(name));
    } else if (part.isMimeType("text/plain") && text.isEmpty()) {
      text.append(part.getContent());
    } else if (part.isMimeType("text/html") && text.isEmpty()) {
      text.append(org.jsoup.Jsoup.parse(String.valueOf(part.getContent())).wholeText());
    } else if (part.isMimeType("multipart/*")) {
      Multipart parts = (Multipart) part.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart child = parts.getBodyPart(i);
        walk(child, text, attachments);
      }
    }
  }
}
