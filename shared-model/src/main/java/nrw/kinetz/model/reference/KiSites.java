package nrw.kinetz.model.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import nrw.kinetz.model.DistrictKey;
import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.TerritoryKind;

/**
 * The 54 KI sites of NRW: one per district (53, from {@code nrw-districts.csv}) plus the city of Aachen's
 * own KI inside the Städteregion Aachen.
 *
 * <p>The list is the answer to "does this site exist?" for every service, so it is read once, checked
 * strictly and kept immutable: a broken resource must stop the service at start-up rather than let
 * it accept activities for a site that is missing or sits in the wrong region.
 */
public final class KiSites {

    /** Number of districts in NRW; the resource must list exactly these. */
    static final int DISTRICT_COUNT = 53;

    static final String RESOURCE = "/nrw/kinetz/model/reference/nrw-districts.csv";

    static final String HEADER = "ags,name,type,regierungsbezirk,population_2018";

    /**
     * The city of Aachen is a municipality, so it is not in the district list; its population is
     * Destatis 31.12.2018 like the rest.
     */
    static final KiSiteReference AACHEN_CITY = new KiSiteReference(SiteId.AACHEN_CITY, "Stadt Aachen",
            TerritoryKind.STADT_IN_STAEDTEREGION, Regierungsbezirk.KOELN, DistrictKey.of("05334"), 247_380);

    private KiSites() {
    }

    /** @return all 54 sites ordered by site id (05334 comes right before 05334002); unmodifiable */
    public static List<KiSiteReference> all() {
        return Loaded.ALL;
    }

    /** @return the site with this id, or empty if the id is well-formed but no KI has it */
    public static Optional<KiSiteReference> find(SiteId siteId) {
        Objects.requireNonNull(siteId, "siteId");
        return Optional.ofNullable(Loaded.BY_ID.get(siteId));
    }

    /**
     * @throws InvalidValueException if no KI has this id, with a message fit to show to the sender
     */
    public static KiSiteReference get(SiteId siteId) {
        return find(siteId).orElseThrow(() -> new InvalidValueException("unknown KI site '" + siteId
                + "': not one of the " + Loaded.ALL.size() + " KI sites of NRW", siteId.value()));
    }

    /**
     * Reads district rows in the format of {@code nrw-districts.csv}. Package-private so that the checks
     * can be tested with broken input.
     *
     * @param source named in error messages
     * @throws IllegalStateException naming the line of the first broken row
     */
    static List<KiSiteReference> readDistricts(Reader reader, String source) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        String header = lines.readLine();
        if (header != null && header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (header == null || !header.strip().equals(HEADER)) {
            throw new IllegalStateException(source + ": expected header '" + HEADER + "', found '" + header + "'");
        }
        List<KiSiteReference> districts = new ArrayList<>();
        Set<DistrictKey> seen = new HashSet<>();
        String line;
        int number = 1;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            KiSiteReference district = parseRow(line, source + " line " + number);
            if (!seen.add(district.districtKey())) {
                throw new IllegalStateException(source + " line " + number + ": district "
                        + district.districtKey() + " is listed twice");
            }
            districts.add(district);
        }
        return districts;
    }

    private static KiSiteReference parseRow(String line, String where) {
        String[] cells = line.split(",", -1);
        if (cells.length != 5) {
            throw new IllegalStateException(where + ": expected 5 columns (" + HEADER + "), found " + cells.length);
        }
        try {
            DistrictKey key = DistrictKey.of(cells[0]);
            String name = cells[1].strip();
            TerritoryKind kind = TerritoryKind.parse(cells[2]);
            Regierungsbezirk listed = Regierungsbezirk.parse(cells[3]);
            if (listed != key.regierungsbezirk()) {
                throw new IllegalStateException(where + ": Regierungsbezirk column says " + listed.label()
                        + ", but key " + key + " belongs to " + key.regierungsbezirk().label());
            }
            long population = Long.parseLong(cells[4].strip());
            return new KiSiteReference(SiteId.of(key), name, kind, listed, key, population);
        } catch (IllegalArgumentException e) {
            // Covers InvalidValueException and NumberFormatException.
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    /** Holder idiom: loaded on first use, exactly once, without locking on every call. */
    private static final class Loaded {

        static final List<KiSiteReference> ALL = load();

        static final Map<SiteId, KiSiteReference> BY_ID = index(ALL);

        private static List<KiSiteReference> load() {
            try (InputStream in = KiSites.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
                }
                List<KiSiteReference> sites = readDistricts(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
                if (sites.size() != DISTRICT_COUNT) {
                    throw new IllegalStateException(RESOURCE + ": expected " + DISTRICT_COUNT
                            + " districts, found " + sites.size());
                }
                sites.add(AACHEN_CITY);
                sites.sort(Comparator.comparing(site -> site.siteId().value()));
                return List.copyOf(sites);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }

        private static Map<SiteId, KiSiteReference> index(List<KiSiteReference> sites) {
            Map<SiteId, KiSiteReference> byId = new LinkedHashMap<>();
            sites.forEach(site -> byId.put(site.siteId(), site));
            return Map.copyOf(byId);
        }
    }
}
