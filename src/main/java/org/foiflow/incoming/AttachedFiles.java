package org.foiflow.incoming;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The attached files of a message as received (raw_message), in the order the mailbox numbered them: every part
 * that is an attachment or has a file name, depth first.
 */
final class AttachedFiles {

  private AttachedFiles() {
  }

  static List<byte[]> of(byte[] rawMessage) {
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
          new ByteArrayInputStream(rawMessage));
      List<byte[]> files = new ArrayList<>();
      collect(message, files, true);
      return files;
    } catch (MessagingException | IOException unreadable) {
      throw new IllegalStateException("the message could not be read again: " + unreadable.getMessage(), unreadable);
    }
  }

  private static void collect(Part part, List<byte[]> into, boolean top) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart parts = (Multipart) part.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart child = parts.getBodyPart(i);
        collect(child, into, false);
      }
    } else if (!top && (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null)) {
      try (var content = part.getInputStream()) {
        into.add(content.readAllBytes());
      }
    }
  }
}
