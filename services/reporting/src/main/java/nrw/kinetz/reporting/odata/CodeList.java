package nrw.kinetz.reporting.odata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.Field;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.reporting.aggregate.Dimension;

/**
 * A code list of the OData feed, e.g. the sites with their names and Regierungsbezirk: what a workbook joins the
 * aggregate rows with. The first column is the key, the value the aggregate rows carry in {@code key}. These are
 * public reference data, never figures.
 *
 * @param name        the entity set's name, e.g. {@code Sites}
 * @param description what it lists, in German
 * @param columns     the key first; every value is text
 * @param rows        one value per column
 */
public record CodeList(String name, String description, List<Column> columns, List<List<String>> rows) {

    /** The key column of every code list. */
    public static final String KEY = "key";

    /** The activities of no programme, as the aggregate rows grouped by programme name them. */
    public static final String NO_PROGRAM = "NONE";

    /** @param description German, shown in {@code $metadata} */
    public record Column(String name, String description) {
    }

    public static final CodeList SITES = sites();
    public static final CodeList REGIERUNGSBEZIRKE = codes("Regierungsbezirke", "Regierungsbezirke in NRW",
            Arrays.stream(Regierungsbezirk.values()).map(r -> List.of(r.code(), r.label())).toList());
    public static final CodeList FIELDS = codes("Fields", "Handlungsfelder",
            Arrays.stream(Field.values()).map(f -> List.of(f.name(), f.label())).toList());
    public static final CodeList FOCUS_AREAS = focusAreas();
    public static final CodeList ACTIVITY_TYPES = codes("ActivityTypes", "Aktivitätsarten",
            Arrays.stream(ActivityType.values()).map(t -> List.of(t.name(), t.label())).toList());
    public static final CodeList PROGRAMS = programs();

    /** Every code list, in the order the service document lists them. */
    public static final List<CodeList> ALL = List.of(SITES, REGIERUNGSBEZIRKE, FIELDS, FOCUS_AREAS, ACTIVITY_TYPES, PROGRAMS);

    private static final Map<Dimension, CodeList> BY_DIMENSION = Map.of(
            Dimension.SITE, SITES,
            Dimension.REGIERUNGSBEZIRK, REGIERUNGSBEZIRKE,
            Dimension.FIELD, FIELDS,
            Dimension.FOCUS_AREA, FOCUS_AREAS,
            Dimension.ACTIVITY_TYPE, ACTIVITY_TYPES,
            Dimension.PROGRAM, PROGRAMS);

    /** @return the code list whose keys the rows of this grouping carry, if there is one */
    public static Optional<CodeList> of(Dimension dimension) {
        return Optional.ofNullable(BY_DIMENSION.get(dimension));
    }

    /** @return the row with this key, if any */
    public Optional<List<String>> row(String key) {
        return rows.stream().filter(row -> row.get(0).equals(key)).findFirst();
    }

    private static CodeList sites() {
        List<List<String>> rows = new ArrayList<>();
        KiSites.all().stream().sorted((a, b) -> a.siteId().value().compareTo(b.siteId().value())).forEach(site -> rows.add(
                List.of(site.siteId().value(), site.name(), site.territoryKind().label(), site.regierungsbezirk().code(),
                        site.regierungsbezirk().label(), site.districtKey().value())));
        return new CodeList("Sites", "Kommunale Integrationszentren (Standorte)", List.of(
                new Column(KEY, "Standort-Kennung (Gemeindeschlüssel des Kreises oder der kreisfreien Stadt)"),
                new Column("name", "Name des Standorts"),
                new Column("territoryKind", "Gebietsart"),
                new Column("regierungsbezirk", "Schlüssel des Regierungsbezirks"),
                new Column("regierungsbezirkName", "Regierungsbezirk"),
                new Column("districtKey", "Kreisschlüssel")), rows);
    }

    private static CodeList focusAreas() {
        return new CodeList("FocusAreas", "Schwerpunkte", List.of(
                new Column(KEY, "Schlüssel des Schwerpunkts"), new Column("label", "Schwerpunkt"),
                new Column("field", "Schlüssel des Handlungsfelds")),
                Arrays.stream(FocusArea.values()).map(f -> List.of(f.name(), f.label(), f.field().name())).toList());
    }

    private static CodeList programs() {
        List<List<String>> rows = new ArrayList<>();
        Arrays.stream(Program.values()).forEach(p -> rows.add(List.of(p.name(), p.label())));
        rows.add(List.of(NO_PROGRAM, "ohne Programm"));
        return codes("Programs", "Förderprogramme", rows);
    }

    private static CodeList codes(String name, String description, List<List<String>> rows) {
        return new CodeList(name, description, List.of(new Column(KEY, "Schlüssel"), new Column("label", "Bezeichnung")), rows);
    }
}
