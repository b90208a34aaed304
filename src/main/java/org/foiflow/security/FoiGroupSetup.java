package org.foiflow.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * The FOI groups exist on every start, in every profile, so an administrator can put users in them; they are
 * created once and left alone afterwards. Done when the engine is built, before the web server takes requests
 * and before anything granting the groups their rights ({@link FoiAuthorizations}, on ApplicationStartedEvent).
 */
@Component
public class FoiGroupSetup extends AbstractProcessEnginePlugin {

  static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put(FoiGroups.OFFICERS, "FOI officers");
    NAMES.put(FoiGroups.APPROVERS, "FOI approvers");
    NAMES.put(FoiGroups.MANAGERS, "FOI managers");
    NAMES.put(FoiGroups.PRESS_OFFICE, "Press office (clearance)");
    NAMES.put(FoiGroups.SENIOR_CLEARANCE, "Senior clearance");
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    NAMES.forEach((id, name) -> {
      if (identity.createGroupQuery().groupId(id).count() == 0) {
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType(Groups.GROUP_TYPE_WORKFLOW);
        identity.saveGroup(group);
      }
    });
  }
}
