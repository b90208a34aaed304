package org.foiflow;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Gives a cached test context back the JVM-wide state that another application, started and stopped in the same
 * JVM since, has taken from it. In production one application runs per JVM; in the tests cached contexts live on
 * while others start and stop: @DirtiesContext classes, tests that start foiflow themselves (Starting), starts
 * that fail on purpose.
 * <ul>
 * <li>The Camunda webapps keep their runtime delegates in statics (Admin, Cockpit, Tasklist, Welcome). Each
 * application's Tomcat sets them when it starts (AdminContainerBootstrap etc., listeners the webapp starter adds)
 * and sets them to null when it stops, for every application in the JVM. A still-running context then fails
 * wherever the webapps reach for them: the webapps' Jersey servlets are initialised on their first request, and
 * AdminApplication.getClasses() calls Admin.getRuntimeDelegate().getAppPluginRegistry(), so the first Tasklist
 * login (POST /camunda/api/admin/auth/user/...) answers 500; Cockpit's plugin resources and the app pages'
 * default engine look them up on every request. The delegates keep no state of one application (they find
 * engines by name through ProcessEngines), so a fresh one is what that context's own start had set.</li>
 * <li>Spring Boot's logging system, on closing an application, takes the java.util.logging to SLF4J bridge off
 * the JVM's root logger, so from then on Tomcat (which logs through java.util.logging) logs nothing, not even
 * the servlet failure behind such a 500.</li>
 * </ul>
 * Registered for every test in META-INF/spring.factories.
 */
public class CamundaWebappStatics implements TestExecutionListener, Ordered {

  @Override
  public int getOrder() {
    // after the dependency injection listener (2000) has loaded the context
    return 2600;
  }

  /** Before @BeforeAll methods of per-class test instances, which may already open the webapps. */
  @Override
  public void prepareTestInstance(TestContext testContext) {
    restore(testContext);
  }

  /** Again before each test: a test class may start and stop applications of its own between its tests. */
  @Override
  public void beforeTestMethod(TestContext testContext) {
    restore(testContext);
  }

  private static void restore(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    ApplicationContext context = testContext.getApplicationContext();
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.install();
    }
    if (!(context instanceof WebServerApplicationContext)
        || context.getBeanNamesForType(CamundaBpmWebappInitializer.class).length == 0) {
      return;
    }
    if (Admin.getRuntimeDelegate() == null) {
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
    }
    if (Cockpit.getRuntimeDelegate() == null) {
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
    }
    if (Tasklist.getRuntimeDelegate() == null) {
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
    }
    if (Welcome.getRuntimeDelegate() == null) {
      Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
    }
  }
}
