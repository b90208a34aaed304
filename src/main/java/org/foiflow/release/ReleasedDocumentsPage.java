package org.foiflow.release;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.foiflow.documents.ReleasedCopy;
import org.foiflow.drafting.AuthorityProfile;
import org.foiflow.drafting.LetterFormats;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The requester's download link, without login: GET {@value #PATH}/{token} lists the released copies of the case
 * (templates/released.html, GOV.UK-like as the disclosure log page), GET {@value #PATH}/{token}/{documentId} serves
 * one. Only released copies, ever: {@link ReleaseBundle} has no other. An unknown token is 404, an expired one 410,
 * each a plain page saying what to do. The token is in the address, so the pages tell browsers to keep no copy and
 * send no referrer.
 */
@Controller
public class ReleasedDocumentsPage {

  public static final String PATH = "/released";
  static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none';"
      + " base-uri 'none'; form-action 'none'";

  private final DownloadLinks links;
  private final ReleaseBundle bundle;
  private final AuthorityProfile authority;

  public ReleasedDocumentsPage(DownloadLinks links, ReleaseBundle bundle, AuthorityProfile authority) {
    this.links = links;
    this.bundle = bundle;
    this.authority = authority;
  }

  /** The address of a link's page, for the email. */
  public static String pathOf(String token) {
    return PATH + "/" + token;
  }

  @GetMapping(value = PATH + "/{token}", produces = MediaType.TEXT_HTML_VALUE)
  public ModelAndView page(@PathVariable String token, HttpServletResponse response) {
    guard(response);
    Optional<DownloadLinks.Link> link = links.find(token);
    if (link.isEmpty() || link.get().expired(links.now())) {
      return gone(link);
    }
    List<ReleasedCopy> copies = bundle.copies(link.get().processInstanceId());
    ModelAndView view = new ModelAndView("released");
    view.addObject("authority", authority.name());
    view.addObject("reference", link.get().reference());
    view.addObject("until", LetterFormats.INSTANCE.date(link.get().expiresAt()
        .atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()));
    view.addObject("files", copies.stream().map(copy -> new File(copy.fileName(),
        pathOf(token) + "/" + copy.documentId(), sizeInWords(copy.pdf().length))).toList());
    return view;
  }

  @GetMapping(PATH + "/{token}/{documentId}")
  public Object file(@PathVariable String token, @PathVariable String documentId, HttpServletResponse response) {
    guard(response);
    Optional<DownloadLinks.Link> link = links.find(token);
    if (link.isEmpty() || link.get().expired(links.now())) {
      return gone(link);
    }
    Optional<ReleasedCopy> copy = bundle.copy(link.get().processInstanceId(), documentId);
    if (copy.isEmpty()) {
      return gone(Optional.empty());
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .headers(headers -> headers.setContentDisposition(ContentDisposition.attachment()
            .filename(copy.get().fileName(), StandardCharsets.UTF_8).build()))
        .body(copy.get().pdf());
  }

  /** A file of the page: its name, where to get it, its size in words. */
  public record File(String name, String href, String size) {
  }

  private ModelAndView gone(Optional<DownloadLinks.Link> link) {
    ModelAndView view = new ModelAndView("released-gone");
    boolean expired = link.isPresent();
    view.setStatus(expired ? HttpStatus.GONE : HttpStatus.NOT_FOUND);
    view.addObject("authority", authority.name());
    view.addObject("email", authority.email());
    view.addObject("expired", expired);
    view.addObject("reference", link.map(DownloadLinks.Link::reference).orElse(null));
    return view;
  }

  private static void guard(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Robots-Tag", "noindex");
  }

  static String sizeInWords(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }
    return String.format(java.util.Locale.UK, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
