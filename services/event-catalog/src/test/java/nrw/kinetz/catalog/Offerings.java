package nrw.kinetz.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.TestTokens;

/** Creates offerings over the API the way organisers do, for tests. */
public final class Offerings {

    private final Http http;

    public Offerings(Http http) {
        this.http = http;
    }

    /** A two-session Fortbildung of {@code site} ({@code null}: the LaKI) in {@code daysAhead} days. */
    public static String body(String site, int capacity, int daysAhead) {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(daysAhead);
        return """
                {"type":"FORTBILDUNG","organiserSite":%s,"focusArea":"SCHULE_SPRACHBILDUNG",
                 "title":"Sprachsensibler Fachunterricht","description":"Grundlagen und Praxis","audience":"Lehrkräfte",
                 "place":"Soest, Hoher Weg 1-3","capacity":%d,
                 "sessions":[{"start":"%sT09:00","end":"%sT16:00"},{"start":"%sT09:00","end":"%sT13:00"}]}
                """.formatted(site == null ? "null" : "\"" + site + "\"", capacity, day, day, day.plusDays(1), day.plusDays(1));
    }

    /** A published offering of the LaKI with {@code capacity} seats; its id. */
    public String published(int capacity) {
        return published(null, capacity);
    }

    public String published(String site, int capacity) {
        Http.Response created = http.send("POST", "/api/v1/offerings", TestTokens.laki(), null, body(site, capacity, 30));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("offeringId").asString();
        Http.Response published = http.send("POST", "/api/v1/offerings/" + id + "/publication", TestTokens.laki(),
                created.header("ETag"), null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return id;
    }
}
