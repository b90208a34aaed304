package org.foiflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Fails every Spring test whose context has the test profile and a running job executor. Those tests drive
 * jobs themselves; a job executor in the background runs the same due timers (a case received weeks ago has
 * its deadline watch due at once) and the two collide with an OptimisticLockingException now and then
 * (issue 13). The postgres profile switches the executor on, so the test profile must come after it.
 * Registered for every test in META-INF/spring.factories.
 */
public class NoJobExecutorInTests implements TestExecutionListener, Ordered {

  @Override
  public int getOrder() {
    // after the dependency injection listener (2000) has loaded the context
    return 2500;
  }

  @Override
  public void prepareTestInstance(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    ApplicationContext context = testContext.getApplicationContext();
    if (!context.getEnvironment().matchesProfiles("test")) {
      return;
    }
    for (ProcessEngine engine : context.getBeansOfType(ProcessEngine.class).values()) {
      JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
      if (executor != null && executor.isActive()) {
        throw new IllegalStateException("The job executor of engine " + engine.getName() + " runs in "
            + testContext.getTestClass().getSimpleName() + " (profiles " + String.join(", ",
            context.getEnvironment().getActiveProfiles()) + "): the tests drive jobs themselves, and it would race "
            + "them. Put the test profile after postgres in @ActiveProfiles (inheritProfiles = false).");
      }
    }
  }
}
