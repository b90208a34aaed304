package org.foiflow.incoming;

import org.foiflow.security.FoiAuthorizations;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What FOI officers may do with incoming-correspondence, granted at start-up (idempotent): read its instances, tasks
 * and history, and claim, hand over and complete "Sort correspondence" and "New correspondence" (Tasklist filter
 * {@code TasklistFilters.SORT_CORRESPONDENCE}). They may not start it: only the mailbox does, when it files a message.
 * Managers read it, as every process; approvers have no part in it.
 */
@Component
public class CorrespondenceAccess {

  private final FoiAuthorizations authorizations;

  public CorrespondenceAccess(FoiAuthorizations authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener
  public void grantOnStart(ApplicationStartedEvent started) {
    authorizations.officersWork(IncomingCorrespondence.PROCESS_KEY);
  }
}
