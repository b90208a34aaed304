package org.foiflow.signin;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;

/** Who a Camunda user is for the engine's authorization checks: their groups and tenants, read as the webapps do. */
final class StaffDirectory {

  private StaffDirectory() {
  }

  static StaffMember member(ProcessEngine engine, String userId) {
    return new StaffMember(userId, AuthenticationUtil.getGroupsOfUser(engine, userId),
        AuthenticationUtil.getTenantsOfUser(engine, userId));
  }
}
