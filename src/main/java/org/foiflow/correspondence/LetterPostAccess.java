package org.foiflow.correspondence;

import org.foiflow.security.FoiAuthorizations;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What FOI officers may do with letter-by-post, granted at start-up (idempotent): read its instances, tasks and
 * history, and claim, hand over and complete its "Print and post" tasks (Tasklist filter
 * {@code TasklistFilters.LETTERS_TO_POST}). They may not start it: only {@link LettersByPost} does, when a letter
 * goes by post. Managers read it, as every process; approvers have no part in it.
 */
@Component
public class LetterPostAccess {

  private final FoiAuthorizations authorizations;

  public LetterPostAccess(FoiAuthorizations authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener
  public void grantOnStart(ApplicationStartedEvent started) {
    authorizations.officersWork(LettersByPost.PROCESS_KEY);
  }
}
