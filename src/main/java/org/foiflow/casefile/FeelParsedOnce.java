package org.foiflow.casefile;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * The DMN tables' FEEL (triage route, exemption catalogue, response outcome) parsed once per expression instead of
 * on every evaluation: Camunda's FEEL integration parses each cell's text again whenever a table runs, a few
 * percent of a case step (docs/benchmarks.md, section 1). Evaluation is Camunda's own, step for step: the same
 * engine (value mappers, Spin), the same variables, the same failures. A parsed expression is a tree that never
 * changes, and a table's cells are a fixed set of texts, so the map stays as small as the deployed tables.
 */
@Component
public class FeelParsedOnce extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    if (dmn.getFeelEngineFactory() == null) {
      DefaultDmnEngineConfiguration tables = dmn;
      // read when the DMN engine is built, after the process engine has set its FEEL options on it
      tables.setFeelEngineFactory(() -> tables.isEnableFeelLegacyBehavior()
          ? new FeelEngineFactoryImpl().createInstance() : new Engine(tables.getFeelCustomFunctionProviders()));
    }
  }

  /** Camunda's ScalaFeelEngine with each expression's parse kept. */
  static final class Engine extends ScalaFeelEngine {

    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    Engine(List<FeelCustomFunctionProvider> functionProviders) {
      super(functionProviders);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
      CustomContext context = new CustomContext() {
        @Override
        public VariableProvider variableProvider() {
          return new ContextVariableWrapper(variableContext);
        }
      };
      return (T) valueOf(parsed(expressions, expression, feelEngine::parseExpression), context);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
      StaticVariableProvider input = new StaticVariableProvider(new camundajar.impl.scala.collection.immutable.Map.Map1<String, Object>(
          INPUT_VARIABLE_NAME, inputVariable));
      ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
      CustomContext context = new CustomContext() {
        @Override
        public VariableProvider variableProvider() {
          return new CompositeVariableProvider(toScalaList(input, variables));
        }
      };
      return BoxesRunTime.unboxToBoolean(valueOf(parsed(unaryTests, expression, feelEngine::parseUnaryTests), context));
    }

    private static Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> parses,
        String expression, Function<String, Either<Failure, ParsedExpression>> parse) {
      Either<Failure, ParsedExpression> kept = parses.get(expression);
      return kept != null ? kept : parses.computeIfAbsent(expression, parse);
    }

    private Object valueOf(Either<Failure, ParsedExpression> parsed, CustomContext context) {
      Either<Failure, Object> result = parsed instanceof Right<Failure, ParsedExpression> tree
          ? feelEngine.eval(tree.value(), context) : (Either<Failure, Object>) (Either<?, ?>) parsed;
      if (result instanceof Right<Failure, Object> value) {
        return value.value();
      }
      throw LOGGER.evaluationException(((Left<Failure, Object>) result).value().message());
    }
  }
}
