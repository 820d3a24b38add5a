package nrw.kinetz.model.event;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON mapping of event payloads. Unknown properties are ignored so that additive changes to
 * a payload never break an older consumer (docs/architecture.md#events).
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new SimpleModule("kinetz-code-lists").setDeserializerModifier(new CodeListDeserializers()))
            .addModule(new SimpleModule("kinetz-dates").setDeserializerModifier(new IsoDates()))
            .addModule(new SimpleModule("kinetz-constructors") {
                @Override
                public void setupModule(SetupContext context) {
                    super.setupModule(context);
                    context.addValueInstantiators(new ConstructorCreators());
                }
            })
            .build();

    private EventJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
