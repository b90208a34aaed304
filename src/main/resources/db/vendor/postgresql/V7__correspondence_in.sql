-- Correspondence in (issue 17): every message read from the FOI mailbox, filed exactly once however many nodes
-- poll it and whatever crashes (the unique keys below refuse a second filing, and a message's row is written in
-- the same transaction that starts its "incoming-correspondence" process). The other database's V7 is the same
-- with its own binary and text types. Written by org.foiflow.mailbox; sorted by org.foiflow.incoming.
--   mailbox_key      where the message was read: the mailbox, folder, UIDVALIDITY and UID, so the same UID is never
--                    filed twice; message_id its Message-ID header (null when it has none), so a message copied
--                    twice into the mailbox is filed once
--   received_at      when the mail server received it (its internal date), else when foiflow read it
--   body_text        the message's text (HTML reduced to text), shown on tasks and the case page
--   raw_message      the message as received (its attachments are read from it); null when it was too large to keep
--   status           UNSORTED (in the holding pen), FILED (to a case), LOGGED (it became a new request),
--                    NOT_A_REQUEST (kept until delete_after, then deleted)
--   reason           why it is in the holding pen (no case reference, unreadable, too large, empty)
--   reference        the case it was filed to or became
CREATE TABLE foi_correspondence (
  id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
  mailbox_key         VARCHAR(400)  NOT NULL,
  message_id          VARCHAR(998),
  received_at         TIMESTAMP     NOT NULL,
  from_address        VARCHAR(320),
  from_name           VARCHAR(200),
  reply_to            VARCHAR(320),
  to_address          VARCHAR(1000),
  subject             VARCHAR(1000),
  in_reply_to         VARCHAR(1000),
  references_header   VARCHAR(4000),
  body_text           TEXT,
  raw_message         BYTEA,
  raw_size            BIGINT        NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  reason              VARCHAR(1000),
  reference           VARCHAR(32),
  process_instance_id VARCHAR(64),
  sorted_by           VARCHAR(255),
  sorted_at           TIMESTAMP,
  delete_after        DATE,
  version             INT           NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX foi_correspondence_once_per_uid ON foi_correspondence (mailbox_key);
CREATE UNIQUE INDEX foi_correspondence_once_per_message_id ON foi_correspondence (message_id);
CREATE INDEX foi_correspondence_by_reference ON foi_correspondence (reference);
CREATE INDEX foi_correspondence_by_status ON foi_correspondence (status, received_at);

-- The attachments of a message, in its order; the bytes stay in raw_message. document_id is the case document an
-- attachment became when the message was filed to a case (not released: it is undecided), note why it did not.
CREATE TABLE foi_correspondence_attachment (
  correspondence_id VARCHAR(36)   NOT NULL,
  position          INT           NOT NULL,
  file_name         VARCHAR(255)  NOT NULL,
  content_type      VARCHAR(255),
  size_bytes        BIGINT        NOT NULL,
  document_id       VARCHAR(36),
  note              VARCHAR(1000),
  PRIMARY KEY (correspondence_id, position)
);

-- How far each mailbox has been read (the highest UID filed under its UIDVALIDITY), and which node polls it now:
-- a node takes the lease before it polls, so one node polls at a time; the unique keys above still make a second
-- filing impossible if two ever do.
CREATE TABLE foi_mailbox_state (
  mailbox      VARCHAR(400)  NOT NULL PRIMARY KEY,
  uid_validity BIGINT,
  last_uid     BIGINT        NOT NULL DEFAULT 0,
  leased_by    VARCHAR(200),
  leased_until TIMESTAMP
);
