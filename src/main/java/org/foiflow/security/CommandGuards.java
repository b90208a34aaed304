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

  /** A field of an engine command (they expose none of what they act on); whenAbsent when it has none of that name. */
  public static Object fieldOf(Object command, String name, Object whenAbsent) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        java.lang.reflect.Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException next) {
        // declared higher up
      } catch (IllegalAccessException unreadable) {
        throw new IllegalStateException(unreadable);
      }
    }
    return whenAbsent;
  }
}
