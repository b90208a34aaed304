package org.foiflow.correspondence;

import static org.foiflow.casefile.CaseVariable.DRAFT_LETTER_TEXT;
import static org.foiflow.casefile.CaseVariable.DRAFT_LETTER_TYPE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseFile;
import org.foiflow.drafting.CaseLetter;
import org.foiflow.drafting.LetterDrafter;
import org.foiflow.drafting.LetterType;
import org.springframework.stereotype.Component;

/**
 * On completing "Revise draft response": the officer's edited Markdown becomes the letter (its HTML is drafted
 * again from it, keeping its headings, lists and quotes, and the PDF that goes out is rendered from that HTML), and
 * its Markdown is written again from that HTML, so what the approver sees next is exactly what goes out. A listener,
 * so the same holds for a completion through Tasklist, the REST API or Java.
 */
@Component("reviseDraft")
public class ReviseDraft implements TaskListener {

  private final LetterDrafter drafter;

  public ReviseDraft(LetterDrafter drafter) {
    this.drafter = drafter;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    CaseFile file = CaseFile.of(execution);
    LetterType type = LetterType.valueOf(file.text(DRAFT_LETTER_TYPE));
    DraftResponse.fileDraft(execution, type,
        drafter.fromEditedMarkdown(CaseLetter.from(execution.getVariables()), file.text(DRAFT_LETTER_TEXT)));
  }
}
