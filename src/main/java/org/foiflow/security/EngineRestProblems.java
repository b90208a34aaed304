package org.foiflow.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.foiflow.casefile.NamedProblems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * On the engine's REST API, a task completion refused by a form's contract, or a start form whose request
 * cannot be logged, is the caller's mistake: 400 with the fields named, not the 500 the engine's default
 * mapping gives an exception raised inside a listener or delegate. A change that lost a race with another
 * node or user is 409 Conflict: an optimistic locking failure, or any refusal (403, 400) of an action on a
 * task that someone else completed while this request was under way.
 */
@Component
public class EngineRestProblems implements ResourceConfigCustomizer {

  /** What both APIs say when two people (or nodes) changed a case at once. */
  public static final String CONFLICT = "The case was changed by someone else at the same moment (the task may have been"
      + " completed already); nothing of this request was saved. Reload and try again.";

  private final ObjectProvider<ProcessEngine> engine;

  public EngineRestProblems(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(new CaseDataProblemMapper(engine));
    config.register(new RefusedTaskActionMapper(engine));
  }

  /** Values refused by a form's contract or a model's rule: 400 naming each field. */
  static Response invalid(Throwable cause, NamedProblems invalid) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", cause.getMessage());
    body.put("errors", invalid.problems());
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  static Response conflict() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "Conflict");
    body.put("title", "Changed at the same time");
    body.put("status", 409);
    body.put("message", CONFLICT);
    return Response.status(Response.Status.CONFLICT).type("application/problem+json").entity(body).build();
  }

  /** An action on a task (task/{id}/complete, claim, ...) whose task is no longer open. */
  static boolean taskGoneUnder(UriInfo request, ObjectProvider<ProcessEngine> engine) {
    Matcher task = TASK_ACTION.matcher(request.getPath());
    ProcessEngine processEngine = engine.getIfAvailable();
    if (!task.matches() || processEngine == null) {
      return false;
    }
    String taskId = task.group(1);
    // read as the system: the caller may no longer see the task precisely because it was completed
    return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(commandContext -> commandContext.getTaskManager().findTaskById(taskId) == null);
  }

  private static final Pattern TASK_ACTION = Pattern.compile("/?(?:engine/[^/]+/)?task/([^/]+)/[a-z-]+");

  @Priority(1)
  public static class CaseDataProblemMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camundaDefault = new RestExceptionHandler();
    private final ObjectProvider<ProcessEngine> engine;
    @Context
    UriInfo request;

    CaseDataProblemMapper(ObjectProvider<ProcessEngine> engine) {
      this.engine = engine;
    }

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof OptimisticLockingException) {
          // e.g. the same task completed at the same moment on two nodes: one wins, the other changed nothing
          return conflict();
        }
        if (cause instanceof NullValueException gone && String.valueOf(gone.getMessage()).startsWith("Cannot find task")) {
          // e.g. a task completed twice: the second caller gets "not found", not a server error
          return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
              .entity(Map.of("type", "TaskNotFound", "message", exception.getMessage())).build();
        }
      }
      if (taskGoneUnder(request, engine)) {
        // its values were read after the winner had removed them: a conflict, not bad input
        return conflict();
      }
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof AuthorizationException refusal) {
          // a rule refused inside a task listener (four eyes) while completing: 403 with the rule's words
          return new ProcessEngineExceptionHandler().toResponse(refusal);
        }
        if (cause instanceof NamedProblems invalid) {
          return invalid(cause, invalid);
        }
      }
      return camundaDefault.toResponse(exception);
    }
  }

  /**
   * A refusal (e.g. 403: the task's candidate rights went with it) of an action on a task completed meanwhile
   * is a conflict; a refusal by a task listener's rule is the 403 it would be had the engine raised it itself.
   */
  @Priority(1)
  public static class RefusedTaskActionMapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camundaDefault = new ProcessEngineExceptionHandler();
    private final ObjectProvider<ProcessEngine> engine;
    @Context
    UriInfo request;

    RefusedTaskActionMapper(ObjectProvider<ProcessEngine> engine) {
      this.engine = engine;
    }

    @Override
    public Response toResponse(ProcessEngineException exception) {
      if (exception instanceof OptimisticLockingException
          || (exception instanceof AuthorizationException && taskGoneUnder(request, engine))) {
        return conflict();
      }
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof NamedProblems invalid) {
          return invalid(cause, invalid); // e.g. a message whose values a model's step refused
        }
        if (cause != exception && cause instanceof AuthorizationException refusal) {
          // a rule refused inside a task listener (four eyes, reviewer independence): 403 with the rule's words
          return camundaDefault.toResponse(refusal);
        }
      }
      return camundaDefault.toResponse(exception);
    }
  }
}
