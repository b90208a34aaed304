package org.foiflow.contributions;

import static org.foiflow.casefile.CaseVariable.BUSINESS_UNIT;
import static org.foiflow.casefile.CaseVariable.BUSINESS_UNIT_NAME;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_DUE_ON;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_ID;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * "Escalate to the unit's manager and the officer", the working day after the internal deadline: the unit has not
 * answered, so its manager and the officer who asked are emailed, and the contribution is marked late (the
 * deadline page shows it; it counts against the unit if the response is late).
 */
@Component("escalateLateContribution")
public class EscalateLateContribution implements JavaDelegate {

  private final BusinessUnits units;
  private final ContributionRecords records;
  private final UnitEmails emails;

  public EscalateLateContribution(BusinessUnits units, ContributionRecords records, UnitEmails emails) {
    this.units = units;
    this.records = records;
    this.emails = emails;
  }

  @Override
  public void execute(DelegateExecution instance) {
    CaseFile file = CaseFile.of(instance);
    String contributionId = file.text(CONTRIBUTION_ID);
    IdentityService identity = instance.getProcessEngineServices().getIdentityService();
    List<String> to = new ArrayList<>();
    units.find(file.text(BUSINESS_UNIT)).map(BusinessUnit::managerUserId).ifPresent(manager -> addEmail(identity,
        manager, to));
    records.find(contributionId).map(ContributionRecords.Contribution::askedBy)
        .ifPresent(officer -> addEmail(identity, officer, to));
    String unitName = file.text(BUSINESS_UNIT_NAME);
    String due = UkDates.day(file.date(CONTRIBUTION_DUE_ON));
    emails.sendOnCommit(to, "Late: " + unitName + " has not provided the information for " + file.reference()
            + " (due on " + due + ")",
        unitName + " was asked for the information it holds for the request " + file.reference()
            + " and has not answered; it was due on " + due + ".\n\n"
            + "Please make sure the unit answers its \"Provide information\" task in Tasklist today. The statutory"
            + " deadline of the request does not move.\n");
    records.escalated(contributionId);
  }

  private static void addEmail(IdentityService identity, String userId, List<String> to) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user != null && user.getEmail() != null && !user.getEmail().isBlank() && !to.contains(user.getEmail())) {
      to.add(user.getEmail());
    }
  }
}
