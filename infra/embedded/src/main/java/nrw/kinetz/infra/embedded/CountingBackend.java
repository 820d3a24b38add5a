package nrw.kinetz.infra.embedded;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * Passes everything to the store and counts, per collection, the documents every write command names: the
 * inserted documents, the update and delete statements (one each, however many documents they match or upsert)
 * and one per {@code findAndModify}. The benchmark divides them by the activities it sent, which is how many
 * store writes an activity costs on its way to the live stream (docs/benchmarks.md); counting is a few atomic
 * additions per command, so it stays on.
 */
final class CountingBackend implements MongoBackend {

    private final MongoBackend store;
    private final Map<String, LongAdder> documents = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();

    CountingBackend(MongoBackend store) {
        this.store = store;
    }

    /** @return per {@code database.collection}: {documents written, write commands}, sorted by name */
    Map<String, long[]> writes() {
        Map<String, long[]> result = new TreeMap<>();
        documents.forEach((name, count) -> result.put(name, new long[] {count.sum(), commands.get(name).sum()}));
        return result;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        count(message.getDatabaseName(), message.getDocument());
        return store.handleMessage(message);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        count(database, query);
        return store.handleCommand(channel, database, command, query);
    }

    private void count(String database, Document command) {
        if (command == null || command.isEmpty()) {
            return;
        }
        String name = command.keySet().iterator().next();
        long written = switch (name) {
            case "insert" -> size(command.get("documents"));
            case "update" -> size(command.get("updates"));
            case "delete" -> size(command.get("deletes"));
            case "findAndModify", "findandmodify" -> 1;
            default -> 0;
        };
        if (written > 0) {
            String collection = database + "." + command.get(name);
            documents.computeIfAbsent(collection, k -> new LongAdder()).add(written);
            commands.computeIfAbsent(collection, k -> new LongAdder()).increment();
        }
    }

    private static long size(Object list) {
        return list instanceof List<?> items ? items.size() : 0;
    }

    @Override
    public void handleClose(Channel channel) {
        store.handleClose(channel);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return store.handleQuery(query);
    }

    @Override
    public void dropDatabase(String database) {
        store.dropDatabase(database);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return store.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return store.getServerStatus();
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        store.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return store.getClock();
    }

    @Override
    public void enableOplog() {
        store.enableOplog();
    }

    @Override
    public void disableOplog() {
        store.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return store.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        store.version(version);
        return this;
    }
}
