package nrw.kinetz.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository explains itself: no comment or document cites a design file or a ticket that is not in it, and
 * every pointer into {@code docs/architecture.md} names an anchor that exists there. It scans the whole
 * repository (not only this module), because every module's comments point to the same document.
 */
class RepositoryTextTests {

    /** Built from parts so that this file does not match itself. */
    private static final Pattern OUTSIDE_CITATION = Pattern.compile(
            "DESIGN" + "\\.md|\\b[Ii]ssue" + " #?[0-9]+");
    private static final Pattern ARCHITECTURE_POINTER = Pattern.compile("architecture\\.md#([a-z0-9-]+)");
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([a-z0-9-]+)\"></a>");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", ".devstack", "node_modules",
            ".idea", ".mvn");
    private static final Set<String> TEXT_SUFFIXES = Set.of(".java", ".js", ".mjs", ".css", ".html", ".properties",
            ".yaml", ".yml", ".json", ".md", ".xml", ".csv", ".sh", ".txt", ".cmd", ".sql", ".ics");

    private final Path root = repositoryRoot();

    @Test
    void noFileCitesADesignFileOrATicketOutsideTheRepository() {
        List<String> citations = new ArrayList<>();
        for (Path file : textFiles()) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (OUTSIDE_CITATION.matcher(lines.get(i)).find()) {
                    citations.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(citations)
                .as("state the rule, or point to docs/architecture.md#<anchor>, instead of citing what is not here")
                .isEmpty();
    }

    @Test
    void everyPointerIntoTheArchitectureNamesAnAnchorThatExists() throws IOException {
        Set<String> anchors = new TreeSet<>();
        Matcher anchor = ANCHOR.matcher(Files.readString(root.resolve("docs/architecture.md")));
        while (anchor.find()) {
            anchors.add(anchor.group(1));
        }
        List<String> broken = new ArrayList<>();
        for (Path file : textFiles()) {
            Matcher pointer = ARCHITECTURE_POINTER.matcher(String.join("\n", lines(file)));
            while (pointer.find()) {
                if (!anchors.contains(pointer.group(1))) {
                    broken.add(root.relativize(file) + ": #" + pointer.group(1));
                }
            }
        }
        assertThat(anchors).contains("outbox", "idempotency", "suppression", "csv", "money", "roles");
        assertThat(broken).as("anchors in docs/architecture.md: " + anchors).isEmpty();
    }

    private List<Path> textFiles() {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> root.relativize(path).toString().isEmpty()
                            || !isInSkippedDirectory(root.relativize(path)))
                    .filter(Files::isRegularFile)
                    .filter(path -> isText(path.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isInSkippedDirectory(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isText(String name) {
        return name.equals("kinetz") || name.equals("mvnw") || name.equals("run")
                || TEXT_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nearest directory with the Maven wrapper, walking up from the module the test runs in. */
    private static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        assertThat(root).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        assertThat(root.resolve("docs/architecture.md")).exists();
        return root;
    }
}
