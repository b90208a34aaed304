package org.foiflow.correspondence;

import static org.foiflow.casefile.CaseVariable.DRAFT_LETTER_ID;
import static org.foiflow.casefile.CaseVariable.DRAFT_LETTER_TEXT;
import static org.foiflow.casefile.CaseVariable.DRAFT_LETTER_TYPE;
import static org.foiflow.casefile.CaseVariable.OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.drafting.CaseLetter;
import org.foiflow.drafting.DraftedLetter;
import org.foiflow.drafting.LetterDrafter;
import org.foiflow.drafting.LetterType;
import org.foiflow.release.ReleaseBundle;
import org.springframework.stereotype.Component;

/**
 * "Draft response letter": the letter for the decided outcome, from the templates in letters/, filed with
 * the case as HTML, with the documents released with it and the schedule of redactions of a partial disclosure or
 * refusal notice (the PDF is rendered from it when the letter is emailed or downloaded, not in this step); its
 * Markdown goes into the approval form, which renders it, and is what an officer revises.
 */
@Component("draftResponse")
public class DraftResponse implements JavaDelegate {

  private final LetterDrafter drafter;
  private final ReleaseBundle releaseBundle;

  public DraftResponse(LetterDrafter drafter, ReleaseBundle releaseBundle) {
    this.drafter = drafter;
    this.releaseBundle = releaseBundle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    LetterType type = LetterType.forOutcome(file.text(OUTCOME));
    DraftedLetter letter = drafter.draft(type, CaseLetter.from(execution.getVariables()),
        releaseBundle.enclosuresOf(execution.getProcessInstanceId(), type));
    fileDraft(execution, type, letter);
  }

  static void fileDraft(DelegateExecution execution, LetterType type, DraftedLetter letter) {
    String id = CaseLetters.file(execution, type, letter);
    CaseFile file = CaseFile.of(execution);
    file.put(DRAFT_LETTER_ID, id);
    file.put(DRAFT_LETTER_TYPE, type.name());
    file.putLongText(DRAFT_LETTER_TEXT, letter.markdown());
  }
}
