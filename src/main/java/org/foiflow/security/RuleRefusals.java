package org.foiflow.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.foiflow.casefile.NamedProblems;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers, for the HTTP request under way, which of foiflow's rules refused a command: values a form's contract
 * or a model's step refused ({@link NamedProblems}), or a rule such as four eyes ({@link AuthorizationException}).
 * The webapps' engine API (behind Tasklist) wraps such a refusal in "Cannot submit task form …: ENGINE-03051 …" and
 * answers 500; {@link EngineApiProblems} answers it from what is remembered here, as /engine-rest does.
 */
@Component
public class RuleRefusals extends AbstractProcessEnginePlugin {

  static final String ATTRIBUTE = RuleRefusals.class.getName();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandGuards.install(configuration, new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        try {
          return next.execute(command);
        } catch (RuntimeException refused) {
          remember(refused);
          throw refused;
        }
      }
    });
  }

  private static void remember(Throwable failure) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null || request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) != null) {
      return;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof NamedProblems || cause instanceof AuthorizationException) {
        request.setAttribute(ATTRIBUTE, cause, RequestAttributes.SCOPE_REQUEST);
        return;
      }
    }
  }
}
