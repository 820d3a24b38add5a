package nrw.kinetz.model;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The network's time zone, defined once: the days people speak of ("established on 2 December 2013", "not
 * in the future", "this quarter") are days in North Rhine-Westphalia. Instants travel as UTC; a day is
 * always taken in this zone. Every service gets a {@link Clock} in this zone from service-support.
 */
public final class NetworkTime {

    /** Europe/Berlin. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private NetworkTime() {
    }

    /** @return today in the network's time zone, whatever zone {@code clock} has */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
