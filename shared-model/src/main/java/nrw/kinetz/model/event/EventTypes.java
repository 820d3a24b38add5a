package nrw.kinetz.model.event;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.aggregate.AggregateEventTypes;
import nrw.kinetz.model.catalog.CatalogEventTypes;
import nrw.kinetz.model.program.ProgramEventTypes;
import nrw.kinetz.model.site.SiteEventTypes;

/**
 * The registry of every event type of the contract. Each context declares its types in its own
 * {@code <Context>EventTypes} class; this class collects them, so readers of any topic find every type.
 */
public final class EventTypes {

    private static final List<EventType<?>> ALL = Stream.of(SiteEventTypes.ALL, ActivityEventTypes.ALL,
            ProgramEventTypes.ALL, CatalogEventTypes.ALL, AggregateEventTypes.ALL)
            .flatMap(List::stream)
            .toList();
    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private EventTypes() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Optional<EventType<?>> bySchemaName(String schemaName) {
        return ALL.stream().filter(t -> t.schemaName().equals(schemaName)).findFirst();
    }
}
