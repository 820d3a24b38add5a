package nrw.kinetz.infra.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import nrw.kinetz.model.event.EventType;

/**
 * The event types a service publishes. Declared as a bean, it makes the service serve the JSON Schema of
 * each at {@code GET /api/v1/schemas/<schemaName>.json} (the {@code ce_dataschema} of every record names it
 * as {@code urn:nrw-ki:schema:<schemaName>}); several such beans add up.
 *
 * <pre>{@code
 * @Bean
 * ProducedEvents producedEvents() {
 *     return ProducedEvents.of(SiteEventTypes.ALL);
 * }
 * }</pre>
 *
 * @param types the event types, each with its schema in shared-model
 */
public record ProducedEvents(List<EventType<?>> types) {

    public ProducedEvents {
        types = List.copyOf(types);
    }

    /** @return the event types of all the given lists, e.g. {@code of(SiteEventTypes.ALL)} */
    @SafeVarargs
    public static ProducedEvents of(Collection<? extends EventType<?>>... lists) {
        List<EventType<?>> all = new ArrayList<>();
        for (Collection<? extends EventType<?>> list : lists) {
            all.addAll(list);
        }
        return new ProducedEvents(all);
    }
}
