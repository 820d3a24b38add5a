package nrw.kinetz.catalog.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import nrw.kinetz.catalog.CatalogEvents;
import nrw.kinetz.catalog.CatalogIntegrationTest;
import nrw.kinetz.catalog.EventCatalogApplication;
import nrw.kinetz.catalog.Offerings;
import nrw.kinetz.catalog.registration.LinkSigner.Purpose;
import nrw.kinetz.model.catalog.CatalogEventTypes;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * Never more confirmed than the capacity, on the embedded store without multi-document transactions: many
 * confirmations at once, and cancellations racing confirmations, all over real HTTP.
 */
@SpringBootTest(classes = EventCatalogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {CatalogIntegrationTest.POLL, CatalogIntegrationTest.STOP, CatalogIntegrationTest.SECRET})
@WithKiNetzInfrastructure
class SeatConcurrencyIntegrationTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LinkSigner links;

    private Http http;
    private CatalogEvents events;
    private final HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(50)).build();

    @BeforeEach
    void connect(TestInfrastructure infrastructure) {
        http = new Http(port);
        events = new CatalogEvents(infrastructure.kafkaBootstrapServers(), mongo);
    }

    @Test
    void twoHundredConcurrentConfirmationsFillTwentySeatsAndWaitlistTheRest() throws Exception {
        String offering = new Offerings(http).published(20);
        List<String> registrations = register(offering, 200);

        List<Integer> statuses = all(registrations.stream().map(id -> post(id, "confirmation", Purpose.CONFIRM)).toList());

        assertThat(statuses).containsOnly(200);
        Document stored = offeringDocument(offering);
        assertThat(stored.getList("seatHolders", String.class)).hasSize(20).doesNotHaveDuplicates();
        assertThat(stored.getList("waitlist", String.class)).hasSize(180).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(stored.getList("seatHolders", String.class));
        assertThat(stored.getInteger("freeSeats")).isZero();
        assertThat(count(offering, "CONFIRMED")).isEqualTo(20);
        assertThat(count(offering, "WAITLISTED")).isEqualTo(180);
        List<String> types = events.typesAbout(offering);
        assertThat(types.stream().filter(CatalogEventTypes.REGISTRATION_CONFIRMED.name()::equals)).hasSize(20);
        assertThat(types.stream().filter(CatalogEventTypes.REGISTRATION_WAITLISTED.name()::equals)).hasSize(180);
    }

    @Test
    void concurrentCancellationsAndConfirmationsNeverExceedTheCapacityAndFillFreedSeatsFromTheWaitingList() throws Exception {
        String offering = new Offerings(http).published(10);
        List<String> early = register(offering, 20);
        for (String id : early) {
            assertThat(post(id, "confirmation", Purpose.CONFIRM).get()).isEqualTo(200);
        }
        List<String> holders = offeringDocument(offering).getList("seatHolders", String.class);
        List<String> leaving = holders.subList(0, 6);
        List<String> late = register(offering, 30);

        List<CompletableFuture<Integer>> racing = new ArrayList<>();
        for (int i = 0; i < late.size(); i++) {
            racing.add(post(late.get(i), "confirmation", Purpose.CONFIRM));
            if (i < leaving.size()) {
                racing.add(post(leaving.get(i), "cancellation", Purpose.CANCEL));
            }
        }
        assertThat(all(racing)).containsOnly(200);

        Document stored = offeringDocument(offering);
        List<String> seated = stored.getList("seatHolders", String.class);
        List<String> waiting = stored.getList("waitlist", String.class);
        assertThat(seated).hasSize(10).doesNotHaveDuplicates().doesNotContainAnyElementsOf(leaving);
        assertThat(waiting).doesNotHaveDuplicates().doesNotContainAnyElementsOf(leaving).doesNotContainAnyElementsOf(seated);
        assertThat(seated.size() + waiting.size()).isEqualTo(20 + 30 - leaving.size());
        assertThat(stored.getInteger("freeSeats")).isZero();
        assertThat(seated).as("the ten who waited longest got the freed seats first").containsAll(
                early.stream().filter(id -> !holders.contains(id)).limit(6).toList());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(offering, "CONFIRMED") == 10);
        assertThat(count(offering, "CANCELLED")).isEqualTo(leaving.size());
    }

    private List<String> register(String offering, int people) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            Http.Response registered = http.send("POST", "/api/v1/offerings/" + offering + "/registrations", null, null,
                    "{\"name\":\"Person " + i + "\",\"email\":\"" + RegistrationIntegrationTests.unique("p" + i) + "\"}");
            assertThat(registered.status()).isEqualTo(202);
            ids.add(registered.json().get("registrationId").asString());
        }
        assertThat(new HashSet<>(ids)).hasSize(people);
        return ids;
    }

    private CompletableFuture<Integer> post(String registrationId, String action, Purpose purpose) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/registrations/"
                        + registrationId + "/" + action))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + links.sign(purpose, registrationId) + "\"}")).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private static List<Integer> all(List<CompletableFuture<Integer>> futures) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> future : futures) {
            statuses.add(future.get());
        }
        return statuses;
    }

    private Document offeringDocument(String offering) {
        return mongo.getCollection("offerings").find(new Document("_id", offering)).first();
    }

    private long count(String offering, String status) {
        return mongo.getCollection("registrations").countDocuments(new Document("offeringId", offering).append("status", status));
    }
}
