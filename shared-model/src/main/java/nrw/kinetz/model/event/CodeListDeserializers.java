package nrw.kinetz.model.event;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Reads the codes of the code-list enums (those with a {@code @JsonCreator} factory such as {@code Field.parse})
 * from a map when the text is exactly a constant's name, as every event the services write has it; any other text
 * goes to the factory as before, with its error messages. Jackson calls such a factory through
 * {@code MethodHandle.invokeWithArguments} on every value, which was a fifth of reading an activity record.
 */
final class CodeListDeserializers extends ValueDeserializerModifier {

    @Override
    public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
            BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
        Map<String, Object> byName = exactNames(type.getRawClass());
        return byName.isEmpty() ? deserializer : new ByName(deserializer, byName);
    }

    /**
     * The constants the factory answers for their own name, checked once per enum, so the map never answers what
     * the factory would not.
     */
    static Map<String, Object> exactNames(Class<?> type) {
        Method factory = null;
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(JsonCreator.class) && Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == 1 && method.getParameterTypes()[0] == String.class) {
                factory = method;
            }
        }
        Map<String, Object> byName = new HashMap<>();
        if (factory == null || type.getEnumConstants() == null) {
            return byName;
        }
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            try {
                factory.setAccessible(true);
                if (factory.invoke(null, name) == constant) {
                    byName.put(name, constant);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not answered by the factory: left to it
            }
        }
        return byName;
    }

    private static final class ByName extends DelegatingDeserializer {

        private final Map<String, Object> byName;

        ByName(ValueDeserializer<?> delegatee, Map<String, Object> byName) {
            super(delegatee);
            this.byName = byName;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
            return new ByName(delegatee, byName);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                Object constant = byName.get(parser.getString());
                if (constant != null) {
                    return constant;
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
