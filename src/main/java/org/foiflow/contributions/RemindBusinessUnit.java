package org.foiflow.contributions;

import static org.foiflow.casefile.CaseVariable.BUSINESS_UNIT;
import static org.foiflow.casefile.CaseVariable.BUSINESS_UNIT_NAME;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_DUE_ON;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * "Remind the unit", the working day before its internal deadline: emails the unit's members who have an address
 * (the Camunda users of its group) and records when. No email server: recorded all the same.
 */
@Component("remindBusinessUnit")
public class RemindBusinessUnit implements JavaDelegate {

  private final ContributionRecords records;
  private final UnitEmails emails;

  public RemindBusinessUnit(ContributionRecords records, UnitEmails emails) {
    this.records = records;
    this.emails = emails;
  }

  @Override
  public void execute(DelegateExecution instance) {
    CaseFile file = CaseFile.of(instance);
    String due = UkDates.day(file.date(CONTRIBUTION_DUE_ON));
    List<String> members = instance.getProcessEngineServices().getIdentityService().createUserQuery()
        .memberOfGroup(file.text(BUSINESS_UNIT)).list().stream().map(User::getEmail)
        .filter(email -> email != null && !email.isBlank()).toList();
    emails.sendOnCommit(members, "Reminder: information for " + file.reference() + " is due on " + due,
        "The FOI team asked " + file.text(BUSINESS_UNIT_NAME) + " for the information it holds for the request "
            + file.reference() + ". Your answer is due on " + due + ".\n\n"
            + "Open your unit's \"Provide information\" task in Tasklist to say what is held and add the documents"
            + " (/contributions/" + file.text(CONTRIBUTION_ID) + "), or hand it back if your unit does not hold it.\n");
    records.reminded(file.text(CONTRIBUTION_ID));
  }
}
