package nrw.kinetz.programs.grant;

import static org.assertj.core.api.Assertions.assertThat;

import nrw.kinetz.testkit.Http;
import nrw.kinetz.testkit.TestTokens;

/** Grant commands as a KI system and the LaKI send them, for tests that need a grant in some state. */
final class Grants {

    private final Http http;

    Grants(Http http) {
        this.http = http;
    }

    /** Applies as the site's KI; returns the answer (201 expected by the caller). */
    Http.Response apply(String site, String program, String block, int year, String amount) {
        String blockField = block == null ? "" : "\"block\":\"" + block + "\",";
        return http.send("POST", "/api/v1/grants", TestTokens.ki(site), null,
                "{\"siteId\":\"" + site + "\",\"program\":\"" + program + "\"," + blockField + "\"budgetYear\":" + year
                        + ",\"amountApplied\":\"" + amount + "\"}");
    }

    /** An approved grant: applied by the KI, approved by the LaKI with {@code granted}. Returns its id. */
    String approved(String site, String program, String block, int year, String granted) {
        Http.Response applied = apply(site, program, block, year, granted);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String id = applied.json().get("grantId").asString();
        Http.Response approved = approve(id, applied.header("ETag"), granted);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    Http.Response approve(String grantId, String etag, String amount) {
        return http.send("POST", "/api/v1/grants/" + grantId + "/approval", TestTokens.laki(), etag,
                "{\"amountGranted\":\"" + amount + "\"}");
    }

    Http.Response disburse(String site, String grantId, String amount) {
        return http.send("POST", "/api/v1/grants/" + grantId + "/disbursements", TestTokens.ki(site), null,
                "{\"amount\":\"" + amount + "\"}");
    }

    Http.Response passOn(String site, String grantId, String amount) {
        return http.send("POST", "/api/v1/grants/" + grantId + "/sub-grants", TestTokens.ki(site), null,
                "{\"recipient\":\"Flüchtlingshilfe Lippstadt e. V.\",\"amount\":\"" + amount
                        + "\",\"purpose\":\"Ankommenstreffpunkt im Stadtteilzentrum\"}");
    }

    Http.Response get(String grantId) {
        return http.get("/api/v1/grants/" + grantId);
    }

    String etag(String grantId) {
        return get(grantId).header("ETag");
    }
}
