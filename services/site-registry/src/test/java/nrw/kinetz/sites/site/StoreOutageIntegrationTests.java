package nrw.kinetz.sites.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nrw.kinetz.sites.SiteRegistryApplication;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.StoppableStore;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * With its store away the registry answers 503 with {@code Retry-After} within the driver's short timeouts
 * (kinetz.mongodb.*), reads and writes alike, and serves again once the store is back. Uses a store of its own,
 * which it stops.
 */
@SpringBootTest(classes = SiteRegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SiteRegistryIntegrationTest.POLL, SiteRegistryIntegrationTest.STOP})
@WithKiNetzInfrastructure
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StoreOutageIntegrationTests {

    private static final StoppableStore STORE = StoppableStore.started("site-registry");

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        STORE.register(registry);
    }

    @AfterAll
    static void closeStore() {
        STORE.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void readsAndWritesWhileTheStoreIsDownAreAnswered503WithRetryAfter() {
        Http http = new Http(port);
        Http.Response before = http.get("/api/v1/sites/05974");
        assertThat(before.status()).isEqualTo(200);

        STORE.stop();
        Http.Response list;
        Http.Response one;
        Http.Response write;
        try {
            list = http.get("/api/v1/sites", "Accept-Language", "de");
            one = http.get("/api/v1/sites/05974");
            write = http.send("PUT", "/api/v1/sites/05974/contact", TestTokens.laki(), before.header("ETag"),
                    "{\"office\":{\"street\":\"Hoher Weg 1-3\",\"postalCode\":\"59494\",\"city\":\"Soest\"},"
                            + "\"email\":\"ki@kreis-soest.example\",\"phone\":\"+49 2921 30-0\",\"head\":\"Dr. Erika Beispiel\"}");
        } finally {
            STORE.start();
        }

        for (Http.Response refused : new Http.Response[] {list, one, write}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
            assertThat(refused.json().get("errors")).isNotEmpty();
        }
        assertThat(list.json().get("title").asString()).isEqualTo("Dienst nicht verfügbar");
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/sites/05974").status() == 200);
        Http.Response after = http.get("/api/v1/sites/05974");
        assertThat(after.header("ETag")).as("the refused write changed nothing").isEqualTo(before.header("ETag"));
        assertThat(after.body()).doesNotContain("ki@kreis-soest.example");
    }
}
