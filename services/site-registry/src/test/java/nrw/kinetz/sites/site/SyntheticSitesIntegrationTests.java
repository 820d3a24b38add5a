package nrw.kinetz.sites.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import nrw.kinetz.sites.SiteRegistryApplication;
import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.TestTokens;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;

/**
 * With {@code kinetz.sites.synthetic-sites=true}, as {@code ./kinetz bench} starts the registry for its growth run,
 * the synthetic key range is registered like any site; without it the same request is refused
 * ({@code SiteCommandsIntegrationTests}).
 */
@SpringBootTest(classes = SiteRegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SiteRegistryIntegrationTest.POLL, SiteRegistryIntegrationTest.STOP, "kinetz.sites.synthetic-sites=true"})
@WithKiNetzInfrastructure
class SyntheticSitesIntegrationTests {

    @Value("${local.server.port}")
    int port;

    @Test
    void theBenchmarksSwitchLetsTheSyntheticKeyRangeBeRegistered() {
        Http http = new Http(port);

        Http.Response created = http.send("POST", "/api/v1/sites", TestTokens.laki(), null,
                "{\"siteId\":\"05999486\",\"name\":\"Benchmarkkreis 486\",\"territoryKind\":\"KREIS\","
                        + "\"population\":250000,\"status\":\"DECIDED\",\"statusSince\":\"2024-01-10\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("regierungsbezirk").asString()).isEqualTo("ARNSBERG");
        assertThat(http.get("/api/v1/sites/05999486").status()).isEqualTo(200);
    }
}
