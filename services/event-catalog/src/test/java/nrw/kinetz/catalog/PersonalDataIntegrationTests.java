package nrw.kinetz.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import nrw.kinetz.catalog.registration.LinkSigner.Purpose;
import nrw.kinetz.catalog.registration.LinkSigner;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * Names, e-mail addresses and organisations never leave the catalog: after people registered, confirmed,
 * waited, moved up, cancelled and attended, the whole topic — read with the CloudEvents SDK alone — holds none
 * of them.
 */
@SpringBootTest(classes = EventCatalogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {CatalogIntegrationTest.POLL, CatalogIntegrationTest.STOP, CatalogIntegrationTest.SECRET})
@WithKiNetzInfrastructure
class PersonalDataIntegrationTests {

    private static final List<String> PEOPLE = List.of("Zoë Vertraulich", "Yusuf Geheimnis", "Xaver Privat");

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LinkSigner links;

    @Test
    void theWholeCatalogTopicCarriesNoNameEmailAddressOrOrganisation(TestInfrastructure infrastructure) {
        Http http = new Http(port);
        String offering = new Offerings(http).published("05974", 1);
        String[] ids = new String[PEOPLE.size()];
        for (int i = 0; i < PEOPLE.size(); i++) {
            Http.Response registered = http.send("POST", "/api/v1/offerings/" + offering + "/registrations", null, null,
                    "{\"name\":\"" + PEOPLE.get(i) + "\",\"email\":\"" + address(i) + "\",\"organisation\":\"Verein Diskret " + i + "\"}");
            ids[i] = registered.json().get("registrationId").asString();
            http.send("POST", "/api/v1/registrations/" + ids[i] + "/confirmation", null, null,
                    "{\"token\":\"" + links.sign(Purpose.CONFIRM, ids[i]) + "\"}");
        }
        http.send("PUT", "/api/v1/offerings/" + offering + "/registrations/" + ids[0] + "/attendance/1", TestTokens.laki(), null, null);
        http.send("POST", "/api/v1/registrations/" + ids[0] + "/cancellation", null, null,
                "{\"token\":\"" + links.sign(Purpose.CANCEL, ids[0]) + "\"}");

        List<ConsumerRecord<String, byte[]>> topic = new CatalogEvents(infrastructure.kafkaBootstrapServers(), mongo).all();

        assertThat(topic).hasSizeGreaterThanOrEqualTo(6);
        for (ConsumerRecord<String, byte[]> record : topic) {
            MessageReader reader = KafkaMessageFactory.createReader(record);
            CloudEvent event = reader.toEvent();
            StringBuilder everything = new StringBuilder(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
            for (Header header : record.headers()) {
                everything.append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8));
            }
            assertThat(everything.toString()).as(event.getType()).doesNotContain("@").doesNotContain("Diskret");
            for (String person : PEOPLE) {
                assertThat(everything.toString()).doesNotContain(person).doesNotContain(person.split(" ")[1]);
            }
        }
    }

    private static String address(int i) {
        return "vertraulich" + i + "@example.org";
    }
}
