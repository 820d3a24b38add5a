package nrw.kinetz.catalog.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import nrw.kinetz.catalog.CatalogIntegrationTest;
import nrw.kinetz.catalog.EventCatalogApplication;
import nrw.kinetz.catalog.Mails;
import nrw.kinetz.catalog.Offerings;
import nrw.kinetz.catalog.registration.LinkSigner.Purpose;
import nrw.kinetz.catalog.registration.LinkSigner;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/** The calendar feed and the .ics of confirmation mails, parsed back with ical4j as a calendar program would. */
@SpringBootTest(classes = EventCatalogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {CatalogIntegrationTest.POLL, CatalogIntegrationTest.STOP, CatalogIntegrationTest.SECRET})
@WithKiNetzInfrastructure
class CalendarIntegrationTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    LinkSigner links;

    private Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void theFeedListsEverySessionInBerlinTimeWithStableUidsAndARisingSequence() throws Exception {
        String offering = new Offerings(http).published("05958", 10);

        Http.Response feed = http.get("/api/v1/calendar.ics?organiserSite=05958");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        Calendar calendar = parse(feed.bytes());
        List<VEvent> sessions = eventsOf(calendar, offering);
        assertThat(sessions).hasSize(2);
        assertThat(calendar.getComponents("VTIMEZONE")).singleElement()
                .satisfies(tz -> assertThat(((VTimeZone) tz).getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Europe/Berlin"));
        VEvent first = sessions.get(0);
        Temporal start = first.getDateTimeStart().getDate();
        assertThat(ZonedDateTime.from(start).withZoneSameInstant(ZoneId.of("Europe/Berlin")).getHour()).isEqualTo(9);
        assertThat(first.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
        assertThat(first.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");
        String uid = first.getProperty(Property.UID).orElseThrow().getValue();

        http.send("POST", "/api/v1/offerings/" + offering + "/cancellation", TestTokens.laki(), "\"2\"", null);

        VEvent cancelled = eventsOf(parse(http.get("/api/v1/calendar.ics?organiserSite=05958").bytes()), offering).get(0);
        assertThat(cancelled.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(uid);
        assertThat(cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
        assertThat(cancelled.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(http.get("/api/v1/calendar.ics?focusArea=SPORT&organiserSite=05958").body()).doesNotContain(offering);
        assertThat(http.get("/api/v1/calendar.ics?focusArea=TANZ").status()).isEqualTo(400);
    }

    @Test
    void theConfirmationMailCarriesTheSessionsAsACalendar() throws Exception {
        String offering = new Offerings(http).published(10);
        String email = "kalender." + System.nanoTime() + "@example.org";
        String id = http.send("POST", "/api/v1/offerings/" + offering + "/registrations", null, null,
                "{\"name\":\"Kalender\",\"email\":\"" + email + "\"}").json().get("registrationId").asString();
        http.send("POST", "/api/v1/registrations/" + id + "/confirmation", null, null,
                "{\"token\":\"" + links.sign(Purpose.CONFIRM, id) + "\"}");

        MimeMessage mail = Mails.await(email, "CONFIRMED");

        Calendar calendar = parse(Mails.calendar(mail).orElseThrow());
        assertThat(eventsOf(calendar, offering)).hasSize(2).allSatisfy(event ->
                assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).startsWith("Sprachsensibler Fachunterricht"));
    }

    private static Calendar parse(byte[] ics) throws Exception {
        return new CalendarBuilder().build(new ByteArrayInputStream(ics));
    }

    private static List<VEvent> eventsOf(Calendar calendar, String offering) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().startsWith(offering)).toList();
    }
}
