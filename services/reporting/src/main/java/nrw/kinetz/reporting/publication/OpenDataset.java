package nrw.kinetz.reporting.publication;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import nrw.kinetz.reporting.aggregate.AggregateQuery;
import nrw.kinetz.reporting.aggregate.Dimension;

/**
 * The open datasets under {@code /api/v1/opendata/}: each is a public aggregate of one measure and grouping, for
 * every month of a year or for the year as a whole, or crossed by several dimensions at once ({@code
 * groupBy=month,site,focusArea}). Every row is a row of a public {@code GET /api/v1/aggregates} answer and carries
 * its request, so open data never shows more than the API shows anyone without a token.
 */
public enum OpenDataset {

    ACTIVITIES_BY_MONTH_AND_SITE("activities-by-month-and-site", "Aktivitäten der KI nach Monat und KI",
            "Zahl der gemeldeten Aktivitäten, Teilnehmende, Ehrenamtliche, Termine und Stunden je Monat und Kommunalem Integrationszentrum.",
            "activities", "site", true),
    ACTIVITIES_BY_MONTH_AND_FOCUS_AREA("activities-by-month-and-focus-area", "Aktivitäten der KI nach Monat und Handlungsschwerpunkt",
            "Zahl der gemeldeten Aktivitäten, Teilnehmende, Ehrenamtliche, Termine und Stunden je Monat und Handlungsschwerpunkt.",
            "activities", "focusArea", true),
    ACTIVITIES_BY_MONTH_SITE_AND_FOCUS_AREA("activities-by-month-site-and-focus-area",
            "Aktivitäten der KI nach Monat, KI und Handlungsschwerpunkt",
            "Zahl der gemeldeten Aktivitäten, Teilnehmende, Ehrenamtliche, Termine und Stunden je Monat, Kommunalem "
                    + "Integrationszentrum und Handlungsschwerpunkt; nur Kombinationen mit mindestens einer Aktivität.",
            "activities", "month,site,focusArea", false),
    SITES("sites", "Kommunale Integrationszentren mit Status und Personal",
            "Die 54 KI-Standorte mit ihrem Status und ihrer Personalausstattung in Vollzeitäquivalenten zum Jahresende "
                    + "(im laufenden Jahr: heute).",
            "sites", "site,status", false),
    SITES_BY_STATUS("sites-by-status", "Kommunale Integrationszentren nach Status",
            "Zahl der KI-Standorte je Status (Grundsatzentscheidung bis etabliert) zum Jahresende (im laufenden Jahr: heute).",
            "sites", "status", false),
    PROGRAMS_BY_YEAR("programs-by-year", "Förderprogramme der KI nach Haushaltsjahr",
            "Zuwendungen, bewilligte, abgerufene und verausgabte Mittel, Abrufquote, Verwendungsnachweise und Indikatoren je Förderprogramm im Haushaltsjahr.",
            "programs", "program", false),
    TRAININGS_BY_MONTH("trainings-by-month", "Fortbildungen und Veranstaltungen nach Monat",
            "Veranstaltungen, Plätze, bestätigte Anmeldungen, Warteliste und Teilnahmen je Monat der ersten Sitzung.",
            "catalog", "month", false);

    private final String id;
    private final String title;
    private final String description;
    private final String measure;
    private final String groupBy;
    private final boolean monthly;

    OpenDataset(String id, String title, String description, String measure, String groupBy, boolean monthly) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.measure = measure;
        this.groupBy = groupBy;
        this.monthly = monthly;
    }

    public static Optional<OpenDataset> find(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String measure() {
        return measure;
    }

    /** @return the dimensions the rows are grouped by, several for a crossed dataset */
    public List<Dimension> grouping() {
        return Arrays.stream(groupBy.split(AggregateQuery.CROSS)).map(d -> Dimension.fromParameter(d).orElseThrow()).toList();
    }

    /**
     * A monthly dataset asks once per month; months after {@code now} are left out, as they have no data yet.
     *
     * @return the requests whose answers make up the dataset for {@code year}
     */
    public List<FigureRequest> requests(int year, YearMonth now) {
        if (!monthly) {
            return List.of(FigureRequest.of(measure, groupBy, Integer.toString(year)));
        }
        int last = year < now.getYear() ? 12 : now.getMonthValue();
        List<FigureRequest> requests = new ArrayList<>();
        for (int month = 1; month <= last; month++) {
            requests.add(FigureRequest.of(measure, groupBy, YearMonth.of(year, month).toString()));
        }
        return requests;
    }
}
