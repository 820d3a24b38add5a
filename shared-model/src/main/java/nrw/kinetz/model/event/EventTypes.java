package nrw.kinetz.model.event;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import nrw.kinetz.model.site.SiteRegistered;
import nrw.kinetz.model.site.SiteStatusChanged;

/** Every event type of the contract, in one place. A new type is added here and nowhere else. */
public final class EventTypes {

    public static final EventType<SiteRegistered> SITE_REGISTERED =
            EventType.of("nrw.ki.site.registered.v1", SiteRegistered.class, Topics.SITES);
    public static final EventType<SiteStatusChanged> SITE_STATUS_CHANGED =
            EventType.of("nrw.ki.site.status-changed.v1", SiteStatusChanged.class, Topics.SITES);

    private static final List<EventType<?>> ALL = List.of(SITE_REGISTERED, SITE_STATUS_CHANGED);
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
