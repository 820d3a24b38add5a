package nrw.kinetz.reporting.aggregate;

import java.util.Objects;

/**
 * One number a measure reports per row, e.g. {@code sites} or {@code participants}.
 *
 * @param name         the key in {@code values} and {@code total}
 * @param countsPeople whether the number counts people (participants, volunteers, registrations,
 *                     attendees): only those are subject to small-cell suppression (DESIGN.md §4.6)
 */
public record Metric(String name, boolean countsPeople) {

    public Metric {
        Objects.requireNonNull(name, "name");
    }

    /** A count of things (sites, activities, grants): never suppressed. */
    public static Metric count(String name) {
        return new Metric(name, false);
    }

    /** A count of people: 1 to 4 is shown only to the LaKI. */
    public static Metric people(String name) {
        return new Metric(name, true);
    }
}
