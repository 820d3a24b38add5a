package nrw.kinetz.infra.mongo;

import java.util.Set;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the documents this service asks the store to write — each inserted document, each update or delete
 * statement — as {@value #METER}, tagged with the collection and the command. A bulk write of 500 documents is one
 * command but 500 writes; the driver's own {@code mongodb.driver.commands} timer counts it once. The benchmark divides
 * the sum over the services on the path by the activities it sent to get the store writes per activity
 * (docs/benchmarks.md).
 */
public final class StoreWrites implements CommandListener {

    public static final String METER = "kinetz.store.writes";

    /** The commands that write. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");

    private final MeterRegistry meters;

    public StoreWrites(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String command = event.getCommandName();
        if (!WRITES.contains(command)) {
            return;
        }
        BsonDocument body = event.getCommand();
        BsonValue collection = body.get(command);
        int statements = statements(command, body);
        if (statements > 0) {
            Counter.builder(METER).description("documents written to the store (inserts, update and delete statements)")
                    .tag("collection", collection != null && collection.isString() ? collection.asString().getValue() : "?")
                    .tag("command", command).register(meters).increment(statements);
        }
    }

    /** The statements of a write command: its documents, updates or deletes; one for findAndModify. */
    static int statements(String command, BsonDocument body) {
        String field = switch (command) {
            case "insert" -> "documents";
            case "update" -> "updates";
            case "delete" -> "deletes";
            default -> null;
        };
        if (field == null) {
            return 1;
        }
        BsonValue statements = body.get(field);
        return statements instanceof BsonArray array ? array.size() : 0;
    }
}
