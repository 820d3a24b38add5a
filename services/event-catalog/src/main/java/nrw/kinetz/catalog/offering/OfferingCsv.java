package nrw.kinetz.catalog.offering;

import java.util.List;

import nrw.kinetz.infra.csv.CsvWriter;
import nrw.kinetz.model.catalog.OfferingSession;

/**
 * The offering list for spreadsheets, written by {@link CsvWriter} (UTF-8 with BOM, {@code ;}, ISO dates and
 * times with the Berlin offset, guarded against formula injection: titles and places come from organisers).
 */
final class OfferingCsv {

    /** German headings, the naming style of every CSV of the platform (docs/architecture.md#csv). */
    static final List<String> HEADER = List.of("Angebot", "Status", "Art", "KI", "Veranstalter",
            "Handlungsschwerpunkt", "Handlungsfeld", "Titel", "Beginn", "Ende", "Termine", "Ort", "Online", "Plätze",
            "Freie Plätze", "Warteliste", "Anmeldeschluss", "Abmeldeschluss");

    private OfferingCsv() {
    }

    static byte[] write(List<OfferingView> offerings) {
        CsvWriter csv = new CsvWriter().row(HEADER);
        for (OfferingView o : offerings) {
            List<OfferingSession> sessions = o.sessions();
            csv.row(o.offeringId(), o.status().name(), o.type().name(),
                    o.organiserSite() == null ? null : o.organiserSite().value(), o.organiserName(), o.focusArea().name(),
                    o.field().name(), o.title(), sessions.get(0).start().toString(),
                    sessions.get(sessions.size() - 1).end().toString(), Integer.toString(sessions.size()), o.place(),
                    o.onlineLink() == null ? null : o.onlineLink().toString(), Integer.toString(o.capacity()),
                    Integer.toString(o.freeSeats()), Integer.toString(o.waitlisted()),
                    o.registrationDeadline().toString(), o.cancellationDeadline().toString());
        }
        return csv.toBytes();
    }
}
