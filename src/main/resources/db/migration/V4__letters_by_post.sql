-- Letters that must go by post (issue 15): the requester gave no email address, no email server is configured,
-- or the email was refused or kept failing. One row per letter, written in the same transaction that starts its
-- "Print and post" task (process letter-by-post), so however often a dispatch runs, and on however many nodes,
-- the task is created once: the primary key refuses the second. posted_on is the date the officer posted it.
-- No personal data: the recipient and the address are read from the case.
CREATE TABLE foi_letter_post (
  process_instance_id VARCHAR(64)   NOT NULL,
  letter_id           VARCHAR(32)   NOT NULL,
  reference           VARCHAR(32)   NOT NULL,
  letter_name         VARCHAR(100)  NOT NULL,
  reason              VARCHAR(30)   NOT NULL,
  needed_at           TIMESTAMP     NOT NULL,
  posted_on           DATE,
  PRIMARY KEY (process_instance_id, letter_id)
);
CREATE INDEX foi_letter_post_by_reference ON foi_letter_post (reference);

-- An email the outbox gave up on (refused by the server, or failing dispatch-attempts times) goes by post
-- instead: it is not tried again.
ALTER TABLE foi_letter_dispatch ADD COLUMN gave_up_at TIMESTAMP;
