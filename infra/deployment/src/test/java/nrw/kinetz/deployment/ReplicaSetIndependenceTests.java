package nrw.kinetz.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Production runs MongoDB as a replica set, which offers multi-document transactions and change streams; the
 * embedded store of the tests and the devstack has neither. So that the same code and the same tests serve both,
 * no service may start depending on them: every change and its event stay one document write (docs/architecture.md#outbox).
 */
class ReplicaSetIndependenceTests {

    /** The driver's and Spring Data's entry points to transactions and change streams. */
    static final Pattern REPLICA_SET_ONLY = Pattern.compile(
            "@Transactional|MongoTransactionManager|TransactionTemplate|ClientSession|startSession\\(|withTransaction\\("
                    + "|ChangeStream|\\.watch\\(|changeStream\\(");

    @Test
    void noServiceUsesTransactionsOrChangeStreams() {
        List<String> uses = new ArrayList<>();
        List<Path> roots = new ArrayList<>();
        Repository.services().forEach(service -> roots.add(Repository.ROOT.resolve("services").resolve(service.name()).resolve("src/main/java")));
        roots.add(Repository.ROOT.resolve("infra/service-support/src/main/java"));
        for (Path root : roots) {
            assertThat(root).isDirectory();
            uses.addAll(matches(root));
        }
        assertThat(uses).isEmpty();
    }

    @Test
    void thePatternFindsTheUsesItIsThereFor() {
        assertThat(REPLICA_SET_ONLY.matcher("try (ClientSession session = client.startSession()) {").find()).isTrue();
        assertThat(REPLICA_SET_ONLY.matcher("collection.watch().forEach(change -> {})").find()).isTrue();
        assertThat(REPLICA_SET_ONLY.matcher("@Transactional void approve() {").find()).isTrue();
        assertThat(REPLICA_SET_ONLY.matcher("mongo.updateFirst(query, update, Site.class);").find()).isFalse();
    }

    private static List<String> matches(Path root) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                List<String> lines = Repository.read(file).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    Matcher matcher = REPLICA_SET_ONLY.matcher(lines.get(i));
                    if (matcher.find()) {
                        found.add(Repository.ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
