package nrw.kinetz.model.event;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One CloudEvents type of the contract: its name ({@code nrw.ki.<context>.<fact>.v<N>}), the payload
 * record it carries and the topic it travels on.
 *
 * @param name        the {@code ce_type}, e.g. {@code nrw.ki.site.registered.v1}
 * @param payloadType the record the JSON value maps to
 * @param topic       the topic every event of this type is published to
 */
public record EventType<T>(String name, Class<T> payloadType, String topic) {

    private static final Pattern NAME = Pattern.compile("nrw\\.ki\\.([a-z]+)\\.([a-z]+(?:-[a-z]+)*)\\.(v[1-9][0-9]*)");
    private static final String SCHEMA_URN_PREFIX = "urn:nrw-ki:schema:";
    /** By type name: every published event carries it, and deriving it matches the name's pattern again. */
    private static final java.util.Map<String, URI> DATASCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

    public EventType {
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(topic, "topic");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("event type must read nrw.ki.<context>.<fact-in-past-tense>.v<N>: " + name);
        }
    }

    public static <T> EventType<T> of(String name, Class<T> payloadType, String topic) {
        return new EventType<>(name, payloadType, topic);
    }

    /**
     * The short schema name, {@code <context>-<fact>.v<N>} (e.g. {@code site-registered.v1}): the JSON
     * Schema is served at {@code /api/v1/schemas/<schemaName>.json} by the producing service.
     */
    public String schemaName() {
        var m = NAME.matcher(name);
        m.matches();
        return m.group(1) + "-" + m.group(2) + "." + m.group(3);
    }

    /** The {@code ce_dataschema}: {@code urn:nrw-ki:schema:<schemaName>}. */
    public URI dataschema() {
        return DATASCHEMAS.computeIfAbsent(name, ignored -> URI.create(SCHEMA_URN_PREFIX + schemaName()));
    }

    /** Classpath location of the published JSON Schema inside shared-model. */
    public String schemaResource() {
        return "nrw/kinetz/model/schemas/" + schemaName() + ".json";
    }

    @Override
    public String toString() {
        return name;
    }
}
