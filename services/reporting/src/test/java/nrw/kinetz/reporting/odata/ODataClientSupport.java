package nrw.kinetz.reporting.odata;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.communication.request.retrieve.ODataEntitySetRequest;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.api.domain.ClientProperty;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.format.ContentType;

/**
 * Reads the feed as Excel and Power BI do, with Apache Olingo's OData client (never the server's classes): JSON,
 * following {@code @odata.nextLink} when asked to.
 */
public final class ODataClientSupport {

    public final ODataClient client = ODataClientFactory.getClient();
    public final String root;

    public ODataClientSupport(int port) {
        root = "http://127.0.0.1:" + port + "/odata/v4";
        client.getConfiguration().setDefaultPubFormat(ContentType.JSON);
    }

    /** One page, with the given headers (name and value alternating). */
    public ClientEntitySet page(URI uri, String... headers) {
        ODataEntitySetRequest<ClientEntitySet> request = client.getRetrieveRequestFactory().getEntitySetRequest(uri);
        request.setFormat(ContentType.JSON);
        for (int i = 0; i < headers.length; i += 2) {
            request.addCustomHeader(headers[i], headers[i + 1]);
        }
        return request.execute().getBody();
    }

    /** Every page, following {@code @odata.nextLink}; the pages' sizes go to {@code pageSizes} if given. */
    public List<ClientEntity> all(URI uri, List<Integer> pageSizes, String... headers) {
        List<ClientEntity> rows = new ArrayList<>();
        URI next = uri;
        while (next != null) {
            ClientEntitySet page = page(next, headers);
            rows.addAll(page.getEntities());
            if (pageSizes != null) {
                pageSizes.add(page.getEntities().size());
            }
            next = page.getNext();
        }
        return rows;
    }

    /** The rows of a period, keyed and unordered, as the default options give them. */
    public URI period(String entitySet, String period) {
        return client.newURIBuilder(root).appendEntitySetSegment(entitySet).filter("period eq '" + period + "'").build();
    }

    /** @return the value, whole numbers as {@code Long} whatever width the client chose for them */
    public static Object value(ClientEntity row, String property) {
        ClientProperty p = row.getProperty(property);
        Object value = p == null || p.getValue() == null || !p.hasPrimitiveValue() ? null : p.getPrimitiveValue().toValue();
        return value instanceof Integer || value instanceof Short || value instanceof Byte ? ((Number) value).longValue() : value;
    }

    public static String text(ClientEntity row, String property) {
        return String.valueOf(value(row, property));
    }

    /** @return whether the property carries {@code KiNetz.withheld: true} */
    public static boolean withheld(ClientEntity row, String property) {
        return Optional.ofNullable(row.getProperty(property)).stream()
                .flatMap(p -> p.getAnnotations().stream())
                .anyMatch(a -> a.getTerm().equals("KiNetz.withheld") && Boolean.TRUE.equals(a.getPrimitiveValue().toValue()));
    }

    public static ClientEntity row(List<ClientEntity> rows, String key) {
        return rows.stream().filter(r -> text(r, "key").equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key));
    }
}
