package nrw.kinetz.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The files of this repository the deployment tests read: the services' configuration and the deployment files. */
final class Repository {

    /** An environment variable a configuration reads without a fallback, e.g. {@code ${KINETZ_ISSUER_URI}}. */
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{(KINETZ_[A-Z0-9_]+)}");

    /** Any {@code KINETZ_*} variable a configuration reads, with or without a fallback. */
    private static final Pattern ANY_VARIABLE = Pattern.compile("\\$\\{(KINETZ_[A-Z0-9_]+)[:}]");

    static final Path ROOT = findRoot();

    private Repository() {
    }

    /** One service module: its name (= its folder, its image, its compose service) and its own configuration. */
    record Service(String name, Properties properties, String propertiesText) {

        int port() {
            return Integer.parseInt(properties.getProperty("server.port"));
        }

        String applicationName() {
            return properties.getProperty("spring.application.name");
        }

        /** The {@code KINETZ_*} variables its own configuration reads (secrets, public URLs). */
        Set<String> variables() {
            return variablesIn(propertiesText, ANY_VARIABLE);
        }
    }

    /** Every module listed in {@code services/pom.xml}, in that order. */
    static List<Service> services() {
        String pom = read(ROOT.resolve("services/pom.xml"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        List<Service> services = new ArrayList<>();
        while (module.find()) {
            String name = module.group(1).trim();
            String text = read(ROOT.resolve("services").resolve(name).resolve("src/main/resources/application.properties"));
            services.add(new Service(name, properties(text), text));
        }
        assertThat(services).as("service modules in services/pom.xml").isNotEmpty();
        return services;
    }

    /** The variables the prod profile's defaults (service-support) require of every service. */
    static Set<String> prodVariables() {
        return variablesIn(classpathText("kinetz-defaults-prod.properties"), REQUIRED_VARIABLE);
    }

    /** A properties file of the shared defaults (service-support), as the services see it. */
    static Properties sharedDefaults(String resource) {
        return properties(classpathText(resource));
    }

    /** The names of {@code .env.example}, the one committed description of the secrets. */
    static Map<String, String> envExample() {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : read(ROOT.resolve(".env.example")).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int equals = line.indexOf('=');
                entries.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return entries;
    }

    static Object yaml(String path) {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(path), StandardCharsets.UTF_8)) {
            return new Yaml(options()).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a multi-document YAML file. */
    static List<Object> yamlDocuments(Path file) {
        List<Object> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            new Yaml(options()).loadAll(reader).forEach(document -> {
                if (document != null) {
                    documents.add(document);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> variablesIn(String text, Pattern pattern) {
        Set<String> variables = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        // The realm export is JSON (YAML's subset) of about 70 kB; compose uses anchors and merge keys.
        options.setCodePointLimit(10 * 1024 * 1024);
        options.setMaxAliasesForCollections(200);
        return options;
    }

    private static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new java.io.StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String classpathText(String resource) {
        try (InputStream in = Repository.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath (service-support)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isRegularFile(directory.resolve("docker-compose.yml"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }
}
