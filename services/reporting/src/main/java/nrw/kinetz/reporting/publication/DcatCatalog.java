package nrw.kinetz.reporting.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open data's catalog in DCAT-AP.de as JSON-LD, the form German open-data portals (GovData, Open.NRW) harvest:
 * one {@code dcat:Catalog} with one {@code dcat:Dataset} per {@link OpenDataset}, each with a CSV and a JSON
 * {@code dcat:Distribution} under the licence dl-de/by-2-0. The context is inline, so no reader has to fetch it.
 *
 * @param baseUrl      where the service is reached, without a trailing slash, e.g. {@code https://ki-netz.nrw.de}
 * @param year         the year the distributions' download URLs and the temporal coverage name
 * @param publisher    the publishing body's name
 * @param contactEmail where questions about the data go
 */
public record DcatCatalog(String baseUrl, int year, String publisher, String contactEmail) {

    public static final String MEDIA_TYPE = "application/ld+json";
    /** The official geocoding URI of the state of North Rhine-Westphalia (state key 05). */
    public static final String NRW = "http://dcat-ap.de/def/politicalGeocoding/stateKey/05";
    public static final String STATE_LEVEL = "http://dcat-ap.de/def/politicalGeocodingLevel/state";
    public static final String CONTINUOUS = "http://publications.europa.eu/resource/authority/frequency/CONT";
    public static final String SOCIETY = "http://publications.europa.eu/resource/authority/data-theme/SOCI";
    public static final String GERMAN = "http://publications.europa.eu/resource/authority/language/DEU";

    public Map<String, Object> jsonLd() {
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("@context", context());
        catalog.put("@id", baseUrl + "/api/v1/opendata/catalog.jsonld");
        catalog.put("@type", "dcat:Catalog");
        catalog.put("dct:title", german("KI-Netz NRW – offene Daten der Kommunalen Integrationszentren"));
        catalog.put("dct:description", german("Aggregierte Kennzahlen des Netzwerks der 54 Kommunalen Integrationszentren "
                + "in Nordrhein-Westfalen: Aktivitäten, Standorte, Förderprogramme und Fortbildungen. Kleine Fallzahlen von "
                + "Personen sind aus Datenschutzgründen nicht veröffentlicht (Zeichen „.“)."));
        catalog.put("dct:publisher", agent());
        catalog.put("dct:language", id(GERMAN));
        catalog.put("dct:license", id(OpenDataTable.LICENSE));
        catalog.put("dct:spatial", id(NRW));
        catalog.put("foaf:homepage", id(baseUrl + "/"));
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (OpenDataset dataset : OpenDataset.values()) {
            datasets.add(dataset(dataset));
        }
        catalog.put("dcat:dataset", datasets);
        return catalog;
    }

    private Map<String, Object> dataset(OpenDataset dataset) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@id", baseUrl + "/api/v1/opendata/" + dataset.id());
        json.put("@type", "dcat:Dataset");
        json.put("dct:identifier", dataset.id());
        json.put("dct:title", german(dataset.title()));
        json.put("dct:description", german(dataset.description()));
        json.put("dct:publisher", agent());
        json.put("dcatde:maintainer", agent());
        json.put("dcat:contactPoint", contactPoint());
        json.put("dcat:theme", id(SOCIETY));
        json.put("dcat:keyword", List.of(german("Integration"), german("Kommunale Integrationszentren"), german("Teilhabe")));
        json.put("dct:language", id(GERMAN));
        json.put("dct:spatial", id(NRW));
        json.put("dcatde:politicalGeocodingURI", id(NRW));
        json.put("dcatde:politicalGeocodingLevelURI", id(STATE_LEVEL));
        json.put("dct:accrualPeriodicity", id(CONTINUOUS));
        Map<String, Object> temporal = new LinkedHashMap<>();
        temporal.put("@type", "dct:PeriodOfTime");
        temporal.put("dcat:startDate", date(year + "-01-01"));
        temporal.put("dcat:endDate", date(year + "-12-31"));
        json.put("dct:temporal", temporal);
        json.put("dcat:distribution", List.of(distribution(dataset, "csv", "CSV", "text/csv"),
                distribution(dataset, "json", "JSON", "application/json")));
        return json;
    }

    private Map<String, Object> distribution(OpenDataset dataset, String extension, String format, String mediaType) {
        String url = baseUrl + "/api/v1/opendata/" + dataset.id() + "." + extension + "?year=" + year;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@id", url);
        json.put("@type", "dcat:Distribution");
        json.put("dct:title", german(dataset.title() + " " + year + " (" + format + ")"));
        json.put("dcat:accessURL", id(url));
        json.put("dcat:downloadURL", id(url));
        json.put("dct:format", id("http://publications.europa.eu/resource/authority/file-type/" + format));
        json.put("dcat:mediaType", id("https://www.iana.org/assignments/media-types/" + mediaType));
        json.put("dct:license", id(OpenDataTable.LICENSE));
        json.put("dcatde:licenseAttributionByText", german(publisher + ", " + OpenDataTable.LICENSE_NAME));
        return json;
    }

    private Map<String, Object> agent() {
        return Map.of("@type", "foaf:Agent", "foaf:name", publisher);
    }

    private Map<String, Object> contactPoint() {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("@type", "vcard:Organization");
        contact.put("vcard:fn", publisher);
        contact.put("vcard:hasEmail", id("mailto:" + contactEmail));
        return contact;
    }

    private static Map<String, Object> context() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("dcatde", "http://dcat-ap.de/def/dcatde/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("vcard", "http://www.w3.org/2006/vcard/ns#");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        return context;
    }

    private static Map<String, Object> german(String text) {
        return Map.of("@value", text, "@language", "de");
    }

    private static Map<String, Object> date(String text) {
        return Map.of("@value", text, "@type", "xsd:date");
    }

    private static Map<String, Object> id(String iri) {
        return Map.of("@id", iri);
    }
}
