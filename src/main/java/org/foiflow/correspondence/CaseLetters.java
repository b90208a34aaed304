package org.foiflow.correspondence;

import static org.foiflow.casefile.CaseVariable.LETTERS;
import static org.foiflow.casefile.CaseVariable.REFERENCE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.foiflow.casefile.CaseFile;
import org.foiflow.drafting.DraftedLetter;
import org.foiflow.drafting.LetterType;

/**
 * The letters of a case, kept with the case as HTML file variables ("letterNHtml") so Tasklist, Cockpit and the
 * engine's REST API can download them, and so history cleanup removes them with the rest of the case.
 * The list "letters" indexes them: id, type, when drafted and when and how sent. No PDF is filed: it is a
 * rendering of the HTML ({@link org.foiflow.drafting.PdfCopies}), made after the step for the email and on
 * download (GET /api/requests/{reference}/letters/{id}.pdf), so drafting costs a case step no PDF.
 */
public final class CaseLetters {

  private CaseLetters() {
  }

  public static String file(VariableScope caseScope, LetterType type, DraftedLetter letter) {
    return file(caseScope, type.name(), letter);
  }

  /** Files a letter under its type's name (e.g. a review's "REVIEW_OUTCOME") and returns its id. */
  public static String file(VariableScope caseScope, String type, DraftedLetter letter) {
    List<Map<String, Object>> letters = list(caseScope);
    String id = "letter" + (letters.size() + 1);
    String reference = String.valueOf(CaseFile.of(caseScope).value(REFERENCE));
    String fileName = reference + "-" + type.toLowerCase(Locale.ROOT).replace('_', '-');
    caseScope.setVariable(id + "Html", Variables.fileValue(fileName + ".html")
        .file(letter.html().getBytes(StandardCharsets.UTF_8)).mimeType("text/html").encoding("UTF-8").create());
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", id);
    entry.put("type", type);
    entry.put("draftedAt", org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().toString());
    letters.add(entry);
    CaseFile.of(caseScope).put(LETTERS, letters);
    return id;
  }

  /** The index entry's key of the address a letter to someone other than the requester goes to. */
  public static final String TO = "to";

  /**
   * Files a letter to someone other than the requester (a consulted third party): its entry in the index names
   * the address it goes to ({@link #TO}), so the outbox emails it there and never to the requester.
   */
  public static String fileToOthers(VariableScope caseScope, String type, DraftedLetter letter, String email) {
    String id = file(caseScope, type, letter);
    List<Map<String, Object>> letters = list(caseScope);
    letters.stream().filter(entry -> id.equals(entry.get("id"))).forEach(entry -> entry.put(TO, email));
    CaseFile.of(caseScope).put(LETTERS, letters);
    return id;
  }

  /** The address a letter of the index goes to when it is not the requester's; null for the requester's letters. */
  public static String recipientOf(Object letters, String letterId) {
    if (letters instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> entry && letterId.equals(entry.get("id")) && entry.get(TO) != null) {
          return entry.get(TO).toString();
        }
      }
    }
    return null;
  }

  public static void markSent(VariableScope caseScope, String id, String channel, String sentOn) {
    List<Map<String, Object>> letters = list(caseScope);
    for (Map<String, Object> entry : letters) {
      if (id.equals(entry.get("id"))) {
        entry.put("sentOn", sentOn);
        entry.put("channel", channel);
      }
    }
    CaseFile.of(caseScope).put(LETTERS, letters);
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> list(VariableScope caseScope) {
    Object stored = CaseFile.of(caseScope).value(LETTERS);
    List<Map<String, Object>> letters = new ArrayList<>();
    if (stored instanceof List<?> list) {
      list.forEach(item -> letters.add(new LinkedHashMap<>((Map<String, Object>) item)));
    }
    return letters;
  }

  /** A filed letter's content, e.g. the HTML to show, or to render as PDF. */
  public static byte[] content(FileValue file) {
    try (InputStream in = file.getValue()) {
      return in.readAllBytes();
    } catch (IOException unreadable) {
      throw new IllegalStateException("letter " + file.getFilename() + " cannot be read", unreadable);
    }
  }
}
