/**
 * Incoming correspondence (issue 17): what happens to each message read from the FOI mailbox once
 * {@code org.foiflow.mailbox} has filed it, modelled in bpmn/incoming-correspondence.bpmn. A message placed on a case
 * reaches the task the case waits on (a clarification, a fee) or an officer's <em>New correspondence</em> task; one
 * that names no case waits in the holding pen (<em>Sort correspondence</em>) to be logged as a new request, filed to a
 * case, or marked not a request and deleted after a while. Its attachments become the case's undecided documents.
 */
package org.foiflow.incoming;
