package nrw.kinetz.reporting.aggregate;

import java.util.Objects;

/**
 * One number a measure reports per row, e.g. {@code sites} or {@code participants}.
 *
 * @param name         the key in {@code values} and {@code total}
 * @param countsPeople whether the number counts people (participants, volunteers, registrations,
 *                     attendees): only those are rounded and withheld (docs/architecture.md#suppression)
 * @param label        the German column heading of the CSV export, e.g. "Teilnehmende"
 * @param decimal      whether its cells are {@link CellValue.Amount}s with two decimals (euros, full-time
 *                     equivalents) rather than whole counts: a typed export (the OData feed's {@code $metadata})
 *                     has to say so before it has seen a cell
 * @param onlyZeroShown for a count of people: whether everyone but the LaKI sees it only as 0 or withheld, never
 *                      as a number, because it could be set against another measure's figures of the same people
 *                      (docs/architecture.md#suppression)
 */
public record Metric(String name, boolean countsPeople, String label, boolean decimal, boolean onlyZeroShown) {

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        if (onlyZeroShown && !countsPeople) {
            throw new IllegalArgumentException(name + ": only a count of people is ever withheld");
        }
    }

    /** A metric that is shown as a number to everyone who may see it (rounded for the public if it counts people). */
    public Metric(String name, boolean countsPeople, String label, boolean decimal) {
        this(name, countsPeople, label, decimal, false);
    }

    /** A whole-number metric with its German heading. */
    public Metric(String name, boolean countsPeople, String label) {
        this(name, countsPeople, label, false);
    }

    /** A whole-number metric whose CSV heading is its name. */
    public Metric(String name, boolean countsPeople) {
        this(name, countsPeople, name);
    }

    /** A count of things (sites, activities, grants): never suppressed. */
    public static Metric count(String name) {
        return new Metric(name, false);
    }

    /** A count of things with its German heading. */
    public static Metric count(String name, String label) {
        return new Metric(name, false, label);
    }

    /** A quantity that is not a count of people (full-time equivalents, euros): never suppressed. */
    public static Metric amount(String name, String label) {
        return new Metric(name, false, label, true);
    }

    /** A count of people: exact only for the LaKI, rounded for everyone else. */
    public static Metric people(String name) {
        return new Metric(name, true);
    }

    /** A count of people with its German heading. */
    public static Metric people(String name, String label) {
        return new Metric(name, true, label);
    }

    /** A count of people that everyone but the LaKI sees only as 0 or withheld. */
    public static Metric peopleNotPublished(String name, String label) {
        return new Metric(name, true, label, false, true);
    }
}
