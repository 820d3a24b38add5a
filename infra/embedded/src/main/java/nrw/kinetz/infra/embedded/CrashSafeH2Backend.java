package nrw.kinetz.infra.embedded;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import de.bwaldvogel.mongo.backend.QueryResult;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 backend of mongo-java-server, committed only between operations.
 *
 * <p><b>Why.</b> Out of the box the MVStore commits on its own: a background writer every second and, when
 * enough is unsaved, the writing thread itself. A commit persists whatever the maps hold at that moment.
 * One MongoDB write is several map writes, though — the document, an entry in every unique index
 * (including {@code _id}), the collection's size — and an update changes the stored document object in
 * place before putting it back. A commit that falls in the middle persists half a write; after a crash
 * the {@code _id} index and the data disagree ("Document with key … already existed" on insert while a
 * find by that id returns nothing) or a document holds half an update.
 *
 * <p><b>What this does instead.</b> The store's own commits are switched off ({@code autoCommitDelay} and
 * {@code autoCommitBufferSize} 0). Every command runs under the shared side of a read-write lock; every
 * {@link #COMMIT_INTERVAL} a committer takes the exclusive side — so no command is in flight — commits and
 * syncs the file. A commit thus always holds whole operations: what reached it is consistent, index and
 * data alike.
 *
 * <p><b>Durability, on purpose.</b> A killed process loses the writes of at most the last commit interval
 * (as a MongoDB server does with its journal interval when writes are not journaled); it never loses part
 * of a write, and what it loses is a suffix: a later write is never kept while an earlier one it followed
 * is lost. The services are built for exactly that: a listener keeps its consumer position in the same
 * store, written after the read model it covers, so whatever is lost is re-read from Kafka; the intake
 * recovers claims it lost from the topic. A clean stop commits everything.
 */
final class CrashSafeH2Backend extends H2Backend {

    /** How much a crash may lose; short, like MongoDB's journal commit interval. */
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(CrashSafeH2Backend.class);

    private final MVStore store;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer;

    private CrashSafeH2Backend(MVStore store) {
        super(store);
        this.store = store;
        this.committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mongo-h2-committer");
            thread.setDaemon(true);
            return thread;
        });
        committer.scheduleWithFixedDelay(this::commitBetweenOperations, COMMIT_INTERVAL.toMillis(),
                COMMIT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens (or creates) the store file with the store's own commits switched off. */
    static CrashSafeH2Backend open(String fileName) {
        MVStore store = new MVStore.Builder()
                .fileName(fileName)
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .open();
        log.info("opened MVStore '{}', committed between operations every {} ms", fileName,
                COMMIT_INTERVAL.toMillis());
        return new CrashSafeH2Backend(store);
    }

    private void commitBetweenOperations() {
        lock.writeLock().lock();
        try {
            if (!store.isClosed() && store.hasUnsavedChanges()) {
                store.commit();
                store.sync();
            }
        } catch (RuntimeException e) {
            log.warn("committing the MVStore failed; retrying in {} ms", COMMIT_INTERVAL.toMillis(), e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private <T> T operation(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return operation(() -> super.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return operation(() -> super.handleQuery(query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return operation(() -> super.handleMessage(message));
    }

    @Override
    public void dropDatabase(String database) {
        operation(() -> {
            super.dropDatabase(database);
            return null;
        });
    }

    @Override
    public void close() {
        // No interrupt: an interrupted file write closes the store's file channel.
        committer.shutdown();
        try {
            committer.awaitTermination(COMMIT_INTERVAL.toMillis() * 50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.writeLock().lock();
        try {
            super.close(); // closing the MVStore commits what is left
        } finally {
            lock.writeLock().unlock();
        }
    }
}
