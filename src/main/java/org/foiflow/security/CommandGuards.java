package org.foiflow.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Puts one of foiflow's guards around every engine command, inside the command's transaction. */
public final class CommandGuards {

  private CommandGuards() {
  }

  static void install(ProcessEngineConfigurationImpl configuration, CommandInterceptor guard) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(guard);
  }

  /** A guard that reads or checks what the command does: inside its command context (Context.getCommandContext()). */
  public static void installWithinContext(ProcessEngineConfigurationImpl configuration, CommandInterceptor guard) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(guard);
  }
}
