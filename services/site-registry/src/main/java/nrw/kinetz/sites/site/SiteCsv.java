package nrw.kinetz.sites.site;

import java.util.List;
import java.util.stream.Collectors;

import nrw.kinetz.infra.csv.CsvWriter;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.site.Contact;
import nrw.kinetz.sites.site.domain.Site;

/**
 * The site list for spreadsheets, written by {@link CsvWriter} (UTF-8 with BOM, {@code ;}, decimal comma, ISO
 * dates, guarded against formula injection: free-text fields such as the head's name or the phone number come
 * from KI systems); several values in one cell are separated by {@code ", "}.
 */
final class SiteCsv {

    /** German headings, the naming style of every CSV of the platform (the activity template's too). */
    private static final List<String> HEADER = List.of("KI", "Name", "Gebietsart", "Regierungsbezirk",
            "Kreisschlüssel", "Einwohner", "Status", "Status seit", "Grundsatzentscheidung", "Zuwendungsbescheid",
            "Startphase", "Etabliert", "Geschlossen", "Vollzeitäquivalente", "Handlungsfelder", "Programme", "Straße",
            "PLZ", "Ort", "E-Mail", "Telefon", "Leitung", "Version");

    private SiteCsv() {
    }

    static byte[] write(List<StoredSite> sites) {
        CsvWriter csv = new CsvWriter().row(HEADER);
        for (StoredSite stored : sites) {
            Site site = stored.site();
            Contact contact = site.contact().orElse(null);
            csv.row(List.of(site.identity().siteId().value(), site.identity().name(),
                    site.identity().territoryKind().name(), site.identity().regierungsbezirk().name(),
                    site.identity().districtKey().value(), Long.toString(site.identity().population()),
                    site.status().name(), site.lifecycle().currentSince().toString(),
                    reached(site, SiteStatus.DECIDED), reached(site, SiteStatus.FUNDED),
                    reached(site, SiteStatus.START_PHASE), reached(site, SiteStatus.ESTABLISHED),
                    reached(site, SiteStatus.CLOSED), CsvWriter.decimal(site.staffing().totalFte()),
                    joined(site.focus().focusAreas()), joined(site.focus().programs()),
                    contact == null ? "" : contact.office().street(), contact == null ? "" : contact.office().postalCode(),
                    contact == null ? "" : contact.office().city(), contact == null ? "" : contact.email(),
                    contact == null || contact.phone() == null ? "" : contact.phone(),
                    contact == null || contact.head() == null ? "" : contact.head(), Long.toString(stored.version())));
        }
        return csv.toBytes();
    }

    private static String reached(Site site, SiteStatus status) {
        return CsvWriter.date(site.lifecycle().reached(status).orElse(null));
    }

    private static String joined(List<? extends Enum<?>> codes) {
        return codes.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
