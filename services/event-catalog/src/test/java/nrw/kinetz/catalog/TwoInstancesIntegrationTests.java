package nrw.kinetz.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.ServiceInstances;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * Two catalog instances on one broker, one store and one SMTP server (docs/operations.md#scale-out): both run the
 * mail outbox, and still every mail goes out once.
 */
@WithKiNetzInfrastructure
class TwoInstancesIntegrationTests {

    private static ServiceInstances instances;

    @BeforeAll
    static void startTwoInstances() {
        List<String> settings = new ArrayList<>(List.of(CatalogIntegrationTest.POLL, CatalogIntegrationTest.STOP,
                CatalogIntegrationTest.SECRET));
        settings.addAll(TestMailServer.springSettings());
        instances = ServiceInstances.start(EventCatalogApplication.class, 2, settings.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void mailsWaitingWhileTheSmtpServerWasAwayGoOutOnceThoughBothInstancesSend() {
        List<Http> http = List.of(new Http(instances.port(0)), new Http(instances.port(1)));
        String offering = new Offerings(http.get(0)).published(40);
        List<String> addresses = Stream.generate(() -> "zwei." + UUID.randomUUID().toString().substring(0, 8) + "@example.org")
                .limit(20).toList();
        TestMailServer.stop();
        try {
            for (int i = 0; i < addresses.size(); i++) {
                Http.Response registered = http.get(i % 2).send("POST", "/api/v1/offerings/" + offering + "/registrations",
                        null, null, "{\"name\":\"Zwei\",\"email\":\"" + addresses.get(i) + "\",\"organisation\":\"Kita Sonnenschein\"}");
                assertThat(registered.status()).as(registered.body()).isEqualTo(202);
            }
        } finally {
            TestMailServer.restart();
        }

        addresses.forEach(address -> Mails.await(address, "CONFIRM_REQUEST"));
        MongoTemplate mongo = instances.bean(0, MongoTemplate.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("registrations").find()
                .into(new ArrayList<>()).stream().allMatch(registration -> registration.getList("mails", Document.class, List.of()).isEmpty()));
        assertThat(addresses).allSatisfy(address -> assertThat(Mails.to(address, "CONFIRM_REQUEST")).as(address).hasSize(1));
    }
}
