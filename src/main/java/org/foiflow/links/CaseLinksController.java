package org.foiflow.links;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's links to other cases, from both ends: GET, POST and DELETE /api/requests/{reference}/links. The rules are
 * {@link OfficerLinks}'s (the case page's form keeps the same ones).
 */
@RestController
public class CaseLinksController {

  /** A link as the case asked about sees it: the other case and the wording from this side. */
  public record LinkItem(String reference, String kind, String label, String recordedBy, Instant recordedAt,
                         String note) {
    static LinkItem of(CaseLinks.Link link) {
      return new LinkItem(link.linkedReference(), link.kind().name(), link.label(), link.recordedBy(),
          link.recordedAt(), link.note());
    }
  }

  /** The body of a POST: the other case, the kind of link, an optional note. */
  public record LinkAsked(String reference, String kind, String note) {
  }

  private final OfficerLinks links;

  public CaseLinksController(OfficerLinks links) {
    this.links = links;
  }

  @GetMapping("/api/requests/{reference}/links")
  public Map<String, List<LinkItem>> links(@PathVariable String reference) {
    return Map.of("items", links.of(reference).stream().map(LinkItem::of).toList());
  }

  @PostMapping("/api/requests/{reference}/links")
  public ResponseEntity<LinkItem> link(@PathVariable String reference, @RequestBody LinkAsked asked) {
    LinkItem item = LinkItem.of(links.add(reference, asked.reference(), asked.kind(), asked.note()));
    return ResponseEntity.created(URI.create("/api/requests/" + reference + "/links")).body(item);
  }

  @DeleteMapping("/api/requests/{reference}/links/{other}/{kind}")
  public ResponseEntity<Void> unlink(@PathVariable String reference, @PathVariable String other,
                                     @PathVariable String kind) {
    links.remove(reference, other, kind);
    return ResponseEntity.noContent().build();
  }
}
