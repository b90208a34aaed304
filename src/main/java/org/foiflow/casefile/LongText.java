package org.foiflow.casefile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Lets a String variable be longer than the 4000 characters of the engine's text columns. A letter is
 * longer than that, and Tasklist submits a form's textarea as a plain String: without this, an officer
 * who edits a drafted letter gets "an exception occurred in the persistence layer". Long strings are kept
 * in the engine's byte-array table instead, and still read back (in Java, REST and Tasklist) as Strings;
 * the form-submission audit trail keeps the first 4000 characters of such a field.
 */
@Component
public class LongText extends AbstractProcessEnginePlugin {

  /** The engine's TEXT_ columns (H2, PostgreSQL) hold 4000 characters; shorter strings stay queryable there. */
  static final int TEXT_COLUMN_LIMIT = 4000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreVariableSerializers() == null) {
      configuration.setCustomPreVariableSerializers(new ArrayList<>());
    }
    configuration.getCustomPreVariableSerializers().add(new Serializer());
    configuration.setHistoryEventProducer(new FormHistoryWithinColumns());
  }

  /**
   * The form-submission audit trail (full history) writes each submitted field into a 4000-character
   * column as well: keep its head there. The whole value is in the variable's own history.
   */
  static final class FormHistoryWithinColumns extends CacheAwareHistoryEventProducer {

    @Override
    public HistoryEvent createFormPropertyUpdateEvt(ExecutionEntity execution, String propertyId, String propertyValue,
        String taskId) {
      String kept = propertyValue != null && propertyValue.length() > TEXT_COLUMN_LIMIT
          ? propertyValue.substring(0, TEXT_COLUMN_LIMIT - 1) + "\u2026"
          : propertyValue;
      return super.createFormPropertyUpdateEvt(execution, propertyId, kept, taskId);
    }
  }

  /** Stores Strings over the column limit as UTF-8 bytes, under its own serializer name. */
  static final class Serializer extends PrimitiveValueSerializer<StringValue> {

    static final String NAME = "foiflowLongText";

    Serializer() {
      super(ValueType.STRING);
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    protected boolean canWriteValue(TypedValue value) {
      Object raw = value == null ? null : value.getValue();
      return raw instanceof String text && text.length() > TEXT_COLUMN_LIMIT;
    }

    @Override
    public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
      return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
    }

    @Override
    public void writeValue(StringValue value, ValueFields valueFields) {
      valueFields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public StringValue readValue(ValueFields valueFields, boolean asTransientValue) {
      byte[] bytes = valueFields.getByteArrayValue();
      return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
    }
  }
}
