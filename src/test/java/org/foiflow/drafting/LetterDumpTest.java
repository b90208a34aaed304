package org.foiflow.drafting;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LetterDumpTest {
  @Test
  void dump() throws Exception {
    LetterDrafter drafter = LetterCases.drafter();
    Path out = Path.of("/tmp/letters");
    Files.createDirectories(out);
    for (LetterType type : LetterType.values()) {
      DraftedLetter letter = drafter.draft(type, CaseLetter.from(LetterCases.caseFor(type)));
      Files.writeString(out.resolve(type.templateName() + ".txt"), letter.text());
      Files.writeString(out.resolve(type.templateName() + ".html"), letter.html());
      Files.write(out.resolve(type.templateName() + ".pdf"), letter.pdf());
    }
  }
}
