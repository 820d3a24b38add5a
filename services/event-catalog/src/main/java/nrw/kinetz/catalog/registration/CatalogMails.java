package nrw.kinetz.catalog.registration;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.catalog.offering.OfferingView;
import nrw.kinetz.catalog.offering.StoredOffering;
import nrw.kinetz.catalog.offering.domain.Offering;
import nrw.kinetz.catalog.registration.LinkSigner.Purpose;
import nrw.kinetz.model.catalog.OfferingSession;

/** The German texts of the mails, written when they are sent from the registration and offering as they are then. */
final class CatalogMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE, dd.MM.yyyy", Locale.GERMAN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.GERMAN);

    /** Subject and plain text of one mail; {@code withCalendar}: attach the sessions as .ics. */
    record Mail(String subject, String text, boolean withCalendar) {
    }

    private CatalogMails() {
    }

    static String confirmLink(String publicUrl, LinkSigner links, String registrationId) {
        return publicUrl + "/veranstaltungen/anmeldung/" + registrationId + "/bestaetigen?t="
                + links.sign(Purpose.CONFIRM, registrationId);
    }

    static String cancelLink(String publicUrl, LinkSigner links, String registrationId) {
        return publicUrl + "/veranstaltungen/anmeldung/" + registrationId + "/abmelden?t=" + links.sign(Purpose.CANCEL, registrationId);
    }

    static Mail compose(MailKind kind, RegistrationDocument registration, StoredOffering stored, int waitlistPosition,
            long confirmHours, String publicUrl, LinkSigner links) {
        Offering offering = stored.offering();
        String title = "„" + offering.title() + "“";
        String hello = "Guten Tag " + registration.name() + ",\n\n";
        String about = details(stored, publicUrl);
        String cancel = "\nFalls Sie nicht teilnehmen können, melden Sie sich bitte ab, damit jemand von der Warteliste "
                + "nachrücken kann:\n" + cancelLink(publicUrl, links, registration.id()) + "\n";
        String bye = "\nMit freundlichen Grüßen\n" + OfferingView.organiserName(stored) + "\n";
        return switch (kind) {
            case CONFIRM_REQUEST -> new Mail("Bitte bestätigen Sie Ihre Anmeldung: " + offering.title(), hello
                    + "Sie haben sich für " + title + " angemeldet. Bitte bestätigen Sie Ihre Anmeldung innerhalb von "
                    + confirmHours + " Stunden über diesen Link:\n" + confirmLink(publicUrl, links, registration.id()) + "\n\n"
                    + "Erst mit der Bestätigung erhalten Sie einen Platz (oder einen Platz auf der Warteliste).\n\n" + about
                    + "\nWenn Sie sich nicht angemeldet haben, ignorieren Sie diese E-Mail: ohne Bestätigung wird die "
                    + "Anmeldung mit Ihren Angaben gelöscht.\n" + bye, false);
            case CONFIRMED -> new Mail("Anmeldung bestätigt: " + offering.title(), hello + "Ihre Anmeldung für " + title
                    + " ist bestätigt, Ihr Platz ist reserviert. Die Termine finden Sie im Anhang für Ihren Kalender.\n\n"
                    + about + cancel + bye, true);
            case WAITLISTED -> new Mail("Warteliste: " + offering.title(), hello + "alle Plätze für " + title
                    + " sind vergeben. Sie stehen auf der Warteliste"
                    + (waitlistPosition > 0 ? " an Position " + waitlistPosition : "")
                    + ". Wird ein Platz frei, rücken Sie automatisch nach und erhalten eine E-Mail.\n\n" + about + cancel + bye,
                    false);
            case PROMOTED -> new Mail("Ein Platz ist frei – Sie sind dabei: " + offering.title(), hello
                    + "für " + title + " ist ein Platz frei geworden. Sie sind von der Warteliste nachgerückt, Ihr Platz ist "
                    + "reserviert. Die Termine finden Sie im Anhang für Ihren Kalender.\n\n" + about + cancel + bye, true);
            case CANCELLED -> new Mail("Abmeldung: " + offering.title(), hello + "Ihre Anmeldung für " + title
                    + " ist storniert.\n\n" + about + bye, false);
        };
    }

    private static String details(StoredOffering stored, String publicUrl) {
        Offering offering = stored.offering();
        StringBuilder text = new StringBuilder("Termine:\n");
        for (OfferingSession session : offering.sessions()) {
            var start = session.start().atZoneSameInstant(NetworkTime.ZONE);
            var end = session.end().atZoneSameInstant(NetworkTime.ZONE);
            text.append("- ").append(DAY.format(start)).append(", ").append(TIME.format(start)).append("–")
                    .append(TIME.format(end)).append(" Uhr\n");
        }
        if (offering.place() != null && !offering.place().isBlank()) {
            text.append("Ort: ").append(offering.place()).append('\n');
        }
        if (offering.onlineLink() != null) {
            text.append("Online: ").append(offering.onlineLink()).append('\n');
        }
        text.append("Details: ").append(publicUrl).append("/veranstaltungen/").append(offering.id()).append('\n');
        return text.toString();
    }
}
