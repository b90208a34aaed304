package org.foiflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.documents.DocumentRefusedException;
import org.junit.jupiter.api.Test;

/** Why an emailed attachment did not become a case document, as the officer reads it on the message. */
class CaseAttachmentsTest {

  @Test
  void aRefusalNamingItsFieldIsNotedInItsOwnWords() {
    assertThat(CaseAttachments.note(new InvalidRequestException(Map.of("file", "its name is longer than 255 characters"))))
        .isEqualTo("not added to the case: its name is longer than 255 characters");
  }

  @Test
  void aLongRefusalIsCutToWhatTheNoteHolds() {
    String note = CaseAttachments.note(new DocumentRefusedException(422, "unreadable-document", "file", "x".repeat(5000)));
    assertThat(note).startsWith("not added to the case: xxx").hasSize(1000).endsWith("…");
  }
}
