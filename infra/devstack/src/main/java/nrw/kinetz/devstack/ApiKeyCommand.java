package nrw.kinetz.devstack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kinetz api-key}: issues an API key for reporting's OData feed to the devstack's {@code laki} client, for
 * Excel's and Power BI's "Basic" sign-in (docs/excel-power-bi.md). The key is the last line of output.
 */
@Command(name = "api-key", description = "Issue an API key for the OData feed (/odata/v4/) to the laki client: use it as "
        + "the Basic password in Excel or Power BI; the key is the last line. Revoke with DELETE /api/v1/api-keys/<id>.")
final class ApiKeyCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() throws IOException, InterruptedException {
        DevstackLayout layout = stack.layout();
        String token;
        try {
            token = new DevstackTokens(layout).token("laki");
        } catch (IllegalStateException | ConnectException e) {
            System.err.println("[kinetz] no laki token: " + (e.getMessage() == null ? "is the devstack running?" : e.getMessage()));
            return 1;
        }
        URI uri = URI.create("http://127.0.0.1:" + layout.portOf(DevstackLayout.REPORTING) + "/api/v1/api-keys");
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            System.err.println("[kinetz] reporting does not answer at " + uri + " — is the devstack running?");
            return 1;
        }
        if (response.statusCode() != 201) {
            System.err.println("[kinetz] reporting refused (" + response.statusCode() + "): " + response.body());
            return 1;
        }
        JsonNode issued = JsonMapper.builder().build().readTree(response.body());
        System.out.println("API key " + issued.get("id").asString() + " for the OData feed " + layout.dashboardUrl()
                + "/odata/v4/, valid until " + issued.get("expiresAt").asString() + " (shown only now):");
        System.out.println(issued.get("key").asString());
        return 0;
    }
}
