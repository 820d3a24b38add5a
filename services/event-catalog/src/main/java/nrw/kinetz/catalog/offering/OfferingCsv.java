package nrw.kinetz.catalog.offering;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import nrw.kinetz.model.catalog.OfferingSession;

/**
 * The offering list for spreadsheets: UTF-8 with BOM, {@code ;}, ISO dates and times (Berlin offset). Text a
 * spreadsheet would run as a formula gets a leading apostrophe: titles come from organisers.
 */
final class OfferingCsv {

    /** German headings as a spreadsheet user reads them, one concept one heading (docs/architecture.md#csv). */
    private static final List<String> HEADER = List.of("Angebot", "Status", "Art", "KI", "Veranstalter",
            "Handlungsschwerpunkt", "Handlungsfeld", "Titel", "Beginn", "Ende", "Termine", "Ort", "Online", "Plätze",
            "Freie Plätze", "Warteliste", "Anmeldeschluss", "Abmeldeschluss");

    private OfferingCsv() {
    }

    static byte[] write(List<OfferingView> offerings) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, HEADER);
        for (OfferingView o : offerings) {
            List<OfferingSession> sessions = o.sessions();
            line(csv, List.of(o.offeringId(), o.status().name(), o.type().name(),
                    o.organiserSite() == null ? "" : o.organiserSite().value(), o.organiserName(), o.focusArea().name(),
                    o.field().name(), o.title(), sessions.get(0).start().toString(),
                    sessions.get(sessions.size() - 1).end().toString(), Integer.toString(sessions.size()),
                    o.place() == null ? "" : o.place(), o.onlineLink() == null ? "" : o.onlineLink().toString(),
                    Integer.toString(o.capacity()), Integer.toString(o.freeSeats()), Integer.toString(o.waitlisted()),
                    o.registrationDeadline().toString(), o.cancellationDeadline().toString()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(OfferingCsv::cell).collect(Collectors.joining(";"))).append("\r\n");
    }

    private static String cell(String raw) {
        String value = !raw.isEmpty() && "=+-@\t\r".indexOf(raw.charAt(0)) >= 0 ? "'" + raw : raw;
        if (value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
