package org.foiflow.mailbox;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.jsoup.Jsoup;

/**
 * One email as foiflow reads it: the headers officers and the threading need, the text (text/plain preferred, else
 * the HTML reduced to text) and the attachments in their order. Built from the raw bytes, so the same message read
 * again from foi_correspondence.raw_message gives the same attachments at the same positions.
 */
public record ReceivedMessage(String messageId, String fromAddress, String fromName, String replyTo, String to,
                              String subject, String inReplyTo, List<String> references, Instant sentAt,
                              String bodyText, List<Attachment> attachments) {

  /** An attached file (a nested email becomes a .eml file); fileName is "attachment-N" when the sender gave none. */
  public record Attachment(String fileName, String contentType, byte[] content) {
  }

  /** A message whose MIME structure cannot be read; its message is the plain-English "what" of the holding reason. */
  public static final class UnreadableMessageException extends RuntimeException {
    UnreadableMessageException(String what, Throwable cause) {
      super(what, cause);
    }
  }

  // no connection is ever made from this session: it only parses
  private static final Session PARSING = Session.getInstance(parsingProperties());

  private static Properties parsingProperties() {
    Properties properties = new Properties();
    // lenient with the mail people actually send: odd parameter lists and unknown charsets
    properties.setProperty("mail.mime.parameters.strict", "false");
    properties.setProperty("mail.mime.multipart.allowempty", "true");
    properties.setProperty("mail.mime.address.strict", "false");
    properties.setProperty("mail.mime.decodetext.strict", "false");
    properties.setProperty("mail.mime.decodefilename", "true");
    return properties;
  }

  public boolean isEmpty() {
    return (bodyText == null || bodyText.isBlank()) && attachments.isEmpty();
  }

  /** "Name <address>" as officers see it, or the address alone. */
  public String fromShown() {
    return shownAs(fromName, fromAddress);
  }

  /** A sender as officers see one wherever a message is shown: "Name <address>", else whichever of the two is known. */
  public static String shownAs(String name, String address) {
    if (name == null || name.isBlank()) {
      return address;
    }
    return address == null || address.isBlank() ? name.strip() : name.strip() + " <" + address + ">";
  }

  public static ReceivedMessage parse(byte[] raw) {
    MimeMessage message;
    try {
      message = new MimeMessage(PARSING, new ByteArrayInputStream(raw));
      Reading reading = new Reading();
      reading.walk(message, true);
      return read(message, reading.text(), List.copyOf(reading.attachments));
    } catch (MessagingException | IOException | RuntimeException broken) {
      if (broken instanceof UnreadableMessageException unreadable) {
        throw unreadable;
      }
      throw new UnreadableMessageException(describe(broken), broken);
    }
  }

  /**
   * The headers of a message whose body cannot be read, so the holding pen still shows who sent what (and its
   * Message-ID still keeps it from being filed twice); no text, no attachments. All empty if even they are broken.
   */
  public static ReceivedMessage headersOf(byte[] raw) {
    try {
      return read(new MimeMessage(PARSING, new ByteArrayInputStream(raw)), null, List.of());
    } catch (MessagingException | RuntimeException unreadable) {
      return new ReceivedMessage(null, null, null, null, null, null, null, List.of(), null, null, List.of());
    }
  }

  private static ReceivedMessage read(MimeMessage message, String text, List<Attachment> attachments)
      throws MessagingException {
    InternetAddress from = firstAddress(message, "From");
    InternetAddress replyTo = firstAddress(message, "Reply-To");
    return new ReceivedMessage(
        messageId(message.getHeader("Message-ID", null)),
        from == null ? null : from.getAddress(),
        from == null ? null : blankToNull(from.getPersonal()),
        replyTo == null ? null : replyTo.getAddress(),
        addresses(message, "To"),
        decoded(message.getHeader("Subject", null)),
        trimmed(message.getHeader("In-Reply-To", null)),
        messageIds(message.getHeader("References", " ")),
        sentAt(message),
        text,
        attachments);
  }

  private static String describe(Exception broken) {
    String detail = broken.getMessage();
    return detail == null || detail.isBlank() ? "its MIME structure is broken" : "its MIME structure is broken ("
        + detail + ")";
  }

  /**
   * Mail clients nest a few multiparts (mixed, alternative, related); more than this is a message built to exhaust
   * the reader (each level is parsed again, and the walk would overflow the stack), so it is not read.
   */
  static final int MOST_NESTED = 32;
  /** Far more files than anyone attaches: each would be a row and, once filed, a case document. */
  static final int MOST_ATTACHMENTS = 1_000;

  /** Walks the MIME tree once: the first text/plain and text/html bodies, and every attachment in order. */
  private static final class Reading {
    private String plain;
    private String html;
    private final List<Attachment> attachments = new ArrayList<>();

    void walk(Part part, boolean top) throws MessagingException, IOException {
      walk(part, top, 0);
    }

    private void walk(Part part, boolean top, int depth) throws MessagingException, IOException {
      String type = contentTypeOf(part);
      if (!top && isAttachment(part, type)) {
        attach(part, type);
        return;
      }
      if (type.startsWith("multipart/")) {
        if (depth >= MOST_NESTED) {
          throw new UnreadableMessageException("its parts are nested more than " + MOST_NESTED + " deep", null);
        }
        Object content = part.getContent();
        if (!(content instanceof Multipart multipart)) {
          throw new UnreadableMessageException("its multipart body has no parts", null);
        }
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          walk(child, false, depth + 1);
        }
      } else if (type.startsWith("text/plain") && plain == null) {
        plain = partText(part);
      } else if (type.startsWith("text/html") && html == null) {
        html = partText(part);
      } else if (!type.startsWith("text/")) {
        // an inline part with no name (an embedded image), or a message that is one file: still what was sent
        attach(part, type);
      }
    }

    private void attach(Part part, String type) throws MessagingException, IOException {
      if (attachments.size() >= MOST_ATTACHMENTS) {
        throw new UnreadableMessageException("it has more than " + MOST_ATTACHMENTS + " attachments", null);
      }
      attachments.add(new Attachment(fileName(part, type), type, bytes(part)));
    }

    private boolean isAttachment(Part part, String type) throws MessagingException {
      return type.startsWith("message/rfc822") || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
          || part.getFileName() != null;
    }

    private String fileName(Part part, String type) throws MessagingException {
      String name;
      try {
        name = part.getFileName();
      } catch (MessagingException | RuntimeException odd) {
        name = null;
      }
      if (name != null) {
        name = decoded(name);
      }
      if (name == null || name.isBlank()) {
        name = "attachment-" + (attachments.size() + 1) + (type.startsWith("message/rfc822") ? ".eml" : "");
      } else if (type.startsWith("message/rfc822") && !name.toLowerCase().endsWith(".eml")) {
        name = name + ".eml";
      }
      // a path in a name is the sender's, not ours
      return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    String text() {
      if (plain != null && !plain.isBlank()) {
        return plain.strip();
      }
      if (html != null) {
        return Jsoup.parse(html).wholeText().strip().replaceAll("\\n{3,}", "\n\n");
      }
      return plain == null ? null : plain.strip();
    }
  }

  private static String contentTypeOf(Part part) throws MessagingException {
    String header;
    try {
      header = part.getContentType();
    } catch (MessagingException unreadable) {
      return "text/plain";
    }
    if (header == null) {
      return "text/plain";
    }
    try {
      return new ContentType(header).getBaseType().toLowerCase();
    } catch (ParseException odd) {
      return header.split(";", 2)[0].trim().toLowerCase();
    }
  }

  private static byte[] bytes(Part part) throws MessagingException, IOException {
    if (contentTypeOf(part).startsWith("message/rfc822")) {
      // the nested message as it was sent, headers and all: a .eml file any mail client opens
      ByteArrayOutputStream eml = new ByteArrayOutputStream();
      Object content = part.getContent();
      if (content instanceof Message nested) {
        nested.writeTo(eml);
        return eml.toByteArray();
      }
    }
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    }
  }

  /** The text of a part in its declared charset; an unknown or missing charset is read as UTF-8, bad bytes replaced. */
  private static String partText(Part part) throws MessagingException, IOException {
    Charset charset = StandardCharsets.UTF_8;
    try {
      String name = new ContentType(part.getContentType()).getParameter("charset");
      if (name != null) {
        charset = Charset.forName(MimeUtility.javaCharset(name.trim()));
      }
    } catch (ParseException | RuntimeException unknownCharset) {
      charset = StandardCharsets.UTF_8;
    }
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), charset);
    }
  }

  private static InternetAddress firstAddress(MimeMessage message, String header) throws MessagingException {
    String value = message.getHeader(header, ",");
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
      return parsed.length == 0 ? null : parsed[0];
    } catch (AddressException odd) {
      return new InternetAddress(decoded(value).trim(), false) {
        @Override
        public String getAddress() {
          return decoded(value).trim();
        }
      };
    }
  }

  private static String addresses(MimeMessage message, String header) throws MessagingException {
    String value = message.getHeader(header, ",");
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      Address[] parsed = InternetAddress.parseHeader(value, false);
      return String.join(", ", Arrays.stream(parsed).map(address -> ((InternetAddress) address).getAddress()).toList());
    } catch (AddressException odd) {
      return decoded(value).trim();
    }
  }

  private static Instant sentAt(MimeMessage message) {
    try {
      java.util.Date sent = message.getSentDate();
      return sent == null ? null : sent.toInstant();
    } catch (MessagingException unreadableDate) {
      return null;
    }
  }

  /** The Message-IDs in a References header, in order, each with its angle brackets. */
  static List<String> messageIds(String header) {
    List<String> ids = new ArrayList<>();
    if (header != null) {
      java.util.regex.Matcher id = java.util.regex.Pattern.compile("<[^<>\\s]+>").matcher(header);
      while (id.find()) {
        ids.add(id.group());
      }
    }
    return List.copyOf(ids);
  }

  /**
   * The one id a Message-ID header names, unfolded and without comments: it is matched against replies' headers and
   * goes back out in In-Reply-To, where a line break or stray text would break (or add) headers.
   */
  private static String messageId(String header) {
    List<String> ids = messageIds(header);
    return ids.isEmpty() ? trimmed(header == null ? null : MimeUtility.unfold(header).replaceAll("\\s+", " ")) : ids.get(0);
  }

  private static String decoded(String header) {
    if (header == null) {
      return null;
    }
    try {
      return MimeUtility.decodeText(MimeUtility.unfold(header)).trim();
    } catch (java.io.UnsupportedEncodingException | RuntimeException odd) {
      return MimeUtility.unfold(header).trim();
    }
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
