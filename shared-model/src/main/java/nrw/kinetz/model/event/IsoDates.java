package nrw.kinetz.model.event;

import java.time.DateTimeException;
import java.time.LocalDate;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Reads a {@link LocalDate} in the form every service writes ({@code 2025-03-14}) digit by digit: Jackson's own
 * deserializer goes through {@code DateTimeFormatter}, which in a replay profile was a sixth of reading an activity's
 * payload. Any other text, and a date that does not exist, goes to Jackson's deserializer, with its leniency and its
 * messages.
 */
final class IsoDates extends ValueDeserializerModifier {

    @Override
    public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
            ValueDeserializer<?> deserializer) {
        return description.getBeanClass() == LocalDate.class ? new Digits(deserializer) : deserializer;
    }

    /** @return the date {@code text} names in the form {@code yyyy-MM-dd}, or null for any other text or no such date */
    static LocalDate parse(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = CloudEventsKafka.digits(text, 0, 4);
        int month = CloudEventsKafka.digits(text, 5, 7);
        int day = CloudEventsKafka.digits(text, 8, 10);
        if ((year | month | day) < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null; // Jackson's deserializer says what is wrong with it
        }
    }

    private static final class Digits extends DelegatingDeserializer {

        Digits(ValueDeserializer<?> delegatee) {
            super(delegatee);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
            return new Digits(delegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                LocalDate date = parse(parser.getString());
                if (date != null) {
                    return date;
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
