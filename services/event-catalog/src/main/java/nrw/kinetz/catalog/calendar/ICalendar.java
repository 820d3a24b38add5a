package nrw.kinetz.catalog.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.catalog.offering.OfferingView;
import nrw.kinetz.catalog.offering.StoredOffering;
import nrw.kinetz.catalog.offering.domain.Offering;
import nrw.kinetz.model.catalog.OfferingSession;
import nrw.kinetz.model.catalog.OfferingStatus;

/**
 * Writes offerings as an RFC 5545 calendar that Outlook and Thunderbird subscribe to: one VEVENT per session
 * with a UID that never changes ({@code <offering>-<session>@ki-netz-nrw}), a SEQUENCE that rises with every
 * change of the offering, STATUS:CANCELLED for cancelled offerings, and times in Europe/Berlin with its
 * VTIMEZONE (the rules in force since 1996: summer time from the last Sunday of March to the last of October).
 */
public final class ICalendar {

    public static final String MEDIA_TYPE = "text/calendar";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String UID_DOMAIN = "@ki-netz-nrw";

    private ICalendar() {
    }

    /**
     * @param publicUrl where the catalog's page is, for each event's URL
     * @param now       the DTSTAMP: when this calendar was made
     */
    public static byte[] write(String name, List<StoredOffering> offerings, String publicUrl, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//KI-Netz NRW//event-catalog//DE");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + text(name));
        line(ics, "X-WR-TIMEZONE:Europe/Berlin");
        timezone(ics);
        for (StoredOffering stored : offerings) {
            Offering offering = stored.offering();
            for (int i = 0; i < offering.sessions().size(); i++) {
                event(ics, stored, i, publicUrl, now);
            }
        }
        line(ics, "END:VCALENDAR");
        return ics.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void event(StringBuilder ics, StoredOffering stored, int index, String publicUrl, Instant now) {
        Offering offering = stored.offering();
        OfferingSession session = offering.sessions().get(index);
        int count = offering.sessions().size();
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + offering.id() + "-" + (index + 1) + UID_DOMAIN);
        line(ics, "DTSTAMP:" + UTC.format(now));
        line(ics, "DTSTART;TZID=Europe/Berlin:" + berlin(session.start()));
        line(ics, "DTEND;TZID=Europe/Berlin:" + berlin(session.end()));
        line(ics, "SUMMARY:" + text(offering.title() + (count > 1 ? " (" + (index + 1) + "/" + count + ")" : "")));
        StringBuilder description = new StringBuilder(offering.type().label() + " – " + OfferingView.organiserName(stored));
        if (offering.description() != null && !offering.description().isBlank()) {
            description.append("\n\n").append(offering.description());
        }
        if (offering.onlineLink() != null) {
            description.append("\n\nOnline: ").append(offering.onlineLink());
        }
        line(ics, "DESCRIPTION:" + text(description.toString()));
        String place = offering.place() != null && !offering.place().isBlank() ? offering.place()
                : offering.onlineLink() == null ? "" : offering.onlineLink().toString();
        if (!place.isEmpty()) {
            line(ics, "LOCATION:" + text(place));
        }
        line(ics, "URL:" + publicUrl + "/veranstaltungen/" + offering.id());
        line(ics, "SEQUENCE:" + Math.max(0, stored.version() - 1));
        line(ics, "STATUS:" + (offering.status() == OfferingStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
        line(ics, "LAST-MODIFIED:" + UTC.format(stored.changedAt()));
        line(ics, "END:VEVENT");
    }

    private static void timezone(StringBuilder ics) {
        line(ics, "BEGIN:VTIMEZONE");
        line(ics, "TZID:Europe/Berlin");
        line(ics, "X-LIC-LOCATION:Europe/Berlin");
        line(ics, "BEGIN:DAYLIGHT");
        line(ics, "TZOFFSETFROM:+0100");
        line(ics, "TZOFFSETTO:+0200");
        line(ics, "TZNAME:CEST");
        line(ics, "DTSTART:19700329T020000");
        line(ics, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        line(ics, "END:DAYLIGHT");
        line(ics, "BEGIN:STANDARD");
        line(ics, "TZOFFSETFROM:+0200");
        line(ics, "TZOFFSETTO:+0100");
        line(ics, "TZNAME:CET");
        line(ics, "DTSTART:19701025T030000");
        line(ics, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        line(ics, "END:STANDARD");
        line(ics, "END:VTIMEZONE");
    }

    private static String berlin(OffsetDateTime time) {
        return LOCAL.format(time.atZoneSameInstant(NetworkTime.ZONE));
    }

    /** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Content lines end with CRLF and are folded after 75 octets, never inside a UTF-8 character (§3.1). */
    static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int limit = 75;
        while (bytes.length - start > limit) {
            int end = start + limit;
            while ((bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            ics.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = 74;
        }
        ics.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append("\r\n");
    }
}
