package nrw.kinetz.reporting.map;

import static nrw.kinetz.reporting.ReportingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nrw.kinetz.reporting.ReportingIntegrationTest;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/map/sites} over real HTTP: the 54 KIs on 53 district tiles, public. */
class MapSitesIntegrationTests extends ReportingIntegrationTest {

    @Test
    void everyKiHasATileAndTheCityOfAachenSharesTheStaedteregionsTile() {
        var response = http.get("/api/v1/map/sites");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("columns").asInt()).isEqualTo(DistrictTiles.COLUMNS);
        assertThat(answer.get("sites")).hasSize(54);
        assertThat(answer.get("sites").valueStream().map(site -> site.get("column").asInt() + "/" + site.get("row").asInt())
                .distinct()).hasSize(53);
        JsonNode aachen = answer.get("sites").valueStream().filter(site -> site.get("site").asString().equals("05334002"))
                .findFirst().orElseThrow();
        assertThat(aachen.get("insideDistrict").asBoolean()).isTrue();
        assertThat(aachen.get("code").asString()).isEqualTo("AC-Stadt");
        assertThat(aachen.get("population").asLong()).isEqualTo(247_380);
    }
}
