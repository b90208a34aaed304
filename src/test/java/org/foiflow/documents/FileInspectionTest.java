package org.foiflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileInspectionTest {

  @Test
  void aZipBombHiddenFromTheLocalHeadersIsFoundByTheCentralDirectory() {
    assertThatThrownBy(() -> FileInspection.inspect("minutes.docx", SampleFiles.hiddenZipBombDocx()))
        .isInstanceOfSatisfying(DocumentRefusedException.class, refused -> {
          assertThat(refused.type().toString()).endsWith("document-expands-too-far");
          assertThat(refused.problems()).containsKey("file");
        });
  }

  @Test
  void aZipOfTensOfThousandsOfEntriesIsRefused() {
    assertThatThrownBy(() -> FileInspection.inspect("minutes.docx", SampleFiles.manyEntriesDocx()))
        .isInstanceOfSatisfying(DocumentRefusedException.class,
            refused -> assertThat(refused.problems().get("file")).contains("packed files"));
  }
}
