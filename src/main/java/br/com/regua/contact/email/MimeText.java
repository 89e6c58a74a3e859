package br.com.regua.contact.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;

/** Reads the plain-text body of an email, however it is nested in text and HTML alternatives. */
public final class MimeText {

  private MimeText() {}

  public static String plain(Part part) {
    try {
      if (part.isMimeType("text/plain")) {
        return part.getContent().toString();
      }
      if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          String text = plain(multipart.getBodyPart(i));
          if (text != null) {
            return text;
          }
        }
      }
      return null;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("unreadable email", e);
    }
  }

  /** The HTML alternative, or null when the email has none. */
  public static String html(Part part) {
    try {
      if (part.isMimeType("text/html")) {
        return part.getContent().toString();
      }
      if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          String html = html(multipart.getBodyPart(i));
          if (html != null) {
            return html;
          }
        }
      }
      return null;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("unreadable email", e);
    }
  }
}
