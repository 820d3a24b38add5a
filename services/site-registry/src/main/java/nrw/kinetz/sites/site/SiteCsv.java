package nrw.kinetz.sites.site;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.site.Contact;
import nrw.kinetz.sites.site.domain.Site;

/**
 * The site list for spreadsheets (docs/architecture.md#csv): UTF-8 with BOM so that Excel reads umlauts, {@code ;} as
 * separator, decimal comma, ISO dates; several values in one cell are separated by {@code ", "}.
 */
final class SiteCsv {

    static final String MEDIA_TYPE = "text/csv";

    private static final String BOM = "\uFEFF";
    /** German headings, the naming style of every CSV of the platform (the activity template's too). */
    private static final List<String> HEADER = List.of("KI", "Name", "Gebietsart", "Regierungsbezirk",
            "Kreisschlüssel", "Einwohner", "Status", "Status seit", "Grundsatzentscheidung", "Zuwendungsbescheid",
            "Startphase", "Etabliert", "Geschlossen", "Vollzeitäquivalente", "Handlungsfelder", "Programme", "Straße",
            "PLZ", "Ort", "E-Mail", "Telefon", "Leitung", "Version");

    private SiteCsv() {
    }

    static byte[] write(List<StoredSite> sites) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, HEADER);
        for (StoredSite stored : sites) {
            Site site = stored.site();
            Contact contact = site.contact().orElse(null);
            line(csv, List.of(site.identity().siteId().value(), site.identity().name(),
                    site.identity().territoryKind().name(), site.identity().regierungsbezirk().name(),
                    site.identity().districtKey().value(), Long.toString(site.identity().population()),
                    site.status().name(), site.lifecycle().currentSince().toString(),
                    reached(site, SiteStatus.DECIDED), reached(site, SiteStatus.FUNDED),
                    reached(site, SiteStatus.START_PHASE), reached(site, SiteStatus.ESTABLISHED),
                    reached(site, SiteStatus.CLOSED), decimalComma(site.staffing().totalFte()),
                    joined(site.focus().focusAreas()), joined(site.focus().programs()),
                    contact == null ? "" : contact.office().street(), contact == null ? "" : contact.office().postalCode(),
                    contact == null ? "" : contact.office().city(), contact == null ? "" : contact.email(),
                    contact == null || contact.phone() == null ? "" : contact.phone(),
                    contact == null || contact.head() == null ? "" : contact.head(), Long.toString(stored.version())));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String reached(Site site, SiteStatus status) {
        return site.lifecycle().reached(status).map(LocalDate::toString).orElse("");
    }

    private static String decimalComma(BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }

    private static String joined(List<? extends Enum<?>> codes) {
        return codes.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(SiteCsv::cell).collect(Collectors.joining(";"))).append("\r\n");
    }

    /**
     * Quotes a cell only when it must be: it holds the separator, a quote or a line break. Text a spreadsheet
     * would run as a formula (OWASP "CSV injection": a leading {@code = + - @}) gets a leading apostrophe;
     * free-text fields such as the head's name or the phone number come from KI systems.
     */
    private static String cell(String raw) {
        String value = !raw.isEmpty() && "=+-@\t\r".indexOf(raw.charAt(0)) >= 0 ? "'" + raw : raw;
        if (value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
