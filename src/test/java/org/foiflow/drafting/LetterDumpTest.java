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
    for (LetterType type : LetterType.values()) {
      java.util.Map<String, Object> v = LetterCases.caseFor(type);
      v.put("regime", "EIR");
      if (type == LetterType.REFUSAL_NOTICE) {
        v = LetterCases.eirRefusal();
      }
      DraftedLetter letter = drafter.draft(type, CaseLetter.from(v));
      Files.writeString(out.resolve("eir-" + type.templateName() + ".txt"), letter.text());
    }
    DraftedLetter ncndRefusal = drafter.draft(LetterType.REFUSAL_NOTICE, CaseLetter.from(LetterCases.ncnd()));
    Files.writeString(out.resolve("ncnd-refusal.txt"), ncndRefusal.text());
  }
}
