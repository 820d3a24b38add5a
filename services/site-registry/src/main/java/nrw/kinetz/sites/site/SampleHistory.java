package nrw.kinetz.sites.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * The sample history the registry is seeded with ({@code sample-history.csv}): for each of the 54 sites the
 * day of each lifecycle step, its focus areas and programmes. Plausible, not official: it reproduces the
 * public milestones so that the timeline and the "as of" figures mean something.
 */
final class SampleHistory {

    static final String RESOURCE = "/nrw/kinetz/sites/site/sample-history.csv";

    private static final String HEADER = "site_id,decided,funded,start_phase,established,focus_areas,programs,name";

    /**
     * @param decided     day of the Grundsatzentscheidung
     * @param funded      day of the Zuwendungsbescheid
     * @param startPhase  day the start phase began
     * @param established day the KI counted as established
     */
    record Entry(SiteId siteId, LocalDate decided, LocalDate funded, LocalDate startPhase, LocalDate established,
            List<FocusArea> focusAreas, List<Program> programs) {
    }

    private final Map<SiteId, Entry> entries;

    private SampleHistory(Map<SiteId, Entry> entries) {
        this.entries = entries;
    }

    /** @throws IllegalStateException naming the line of a broken row, so a bad edit stops the service at start */
    static SampleHistory load() {
        try (InputStream in = SampleHistory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<SiteId, Entry> entries = new LinkedHashMap<>();
            String line;
            int number = 0;
            boolean headerSeen = false;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    if (!line.strip().equals(HEADER)) {
                        throw new IllegalStateException(RESOURCE + " line " + number + ": expected header " + HEADER);
                    }
                    headerSeen = true;
                    continue;
                }
                Entry entry = parse(line, RESOURCE + " line " + number);
                if (entries.put(entry.siteId(), entry) != null) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": site " + entry.siteId() + " listed twice");
                }
            }
            return new SampleHistory(Map.copyOf(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    Optional<Entry> find(SiteId siteId) {
        return Optional.ofNullable(entries.get(siteId));
    }

    List<Entry> entries() {
        return entries.values().stream().sorted(Comparator.comparing(e -> e.siteId().value())).toList();
    }

    private static Entry parse(String line, String where) {
        String[] cells = line.split(",", -1);
        if (cells.length != 8) {
            throw new IllegalStateException(where + ": expected 8 columns (" + HEADER + "), found " + cells.length);
        }
        try {
            Entry entry = new Entry(SiteId.of(cells[0]), LocalDate.parse(cells[1]), LocalDate.parse(cells[2]),
                    LocalDate.parse(cells[3]), LocalDate.parse(cells[4]),
                    codes(cells[5]).stream().map(FocusArea::parse).toList(),
                    codes(cells[6]).stream().map(Program::parse).toList());
            if (entry.funded().isBefore(entry.decided()) || entry.startPhase().isBefore(entry.funded())
                    || entry.established().isBefore(entry.startPhase())) {
                throw new IllegalStateException(where + ": the steps are not in date order");
            }
            return entry;
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    private static List<String> codes(String cell) {
        return cell.isBlank() ? List.of() : Arrays.asList(cell.strip().split("\\s+"));
    }
}
