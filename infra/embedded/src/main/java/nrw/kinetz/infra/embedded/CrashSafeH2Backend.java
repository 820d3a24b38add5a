package nrw.kinetz.infra.embedded;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import de.bwaldvogel.mongo.backend.QueryResult;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
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
 * <p><b>What this does instead.</b> The store's own commits are switched off (no commit delay, no buffer
 * size that would commit). Every command runs under the shared side of a read-write lock; every
 * {@link #COMMIT_INTERVAL} a committer takes the exclusive side — so no command is in flight — and takes the
 * maps' current roots as the commit's version. A commit thus always holds whole operations: what reached it is
 * consistent, index and data alike.
 *
 * <p><b>Only the version is taken under the lock.</b> Serializing the changed pages and writing them took most of
 * the lock's time (on the loaded devstack commands waited for it 49 ms at the median, 323 ms at p99), so the
 * committer releases the lock once the version is taken, and the store's own threads serialize and write it while
 * commands go on. That is safe because nothing a version holds changes afterwards: the maps' pages are
 * copy-on-write, and the backend, which changes a document it updates in place, only ever gets a copy of a stored
 * document ({@link Collection}). The committer then waits until the version is written and forces it to the disk,
 * before it takes the next one.
 *
 * <p><b>Durability, on purpose.</b> A killed process loses the writes acknowledged since the last commit that was
 * written: at most one commit interval and the time the commit in flight takes to write (as a MongoDB server does
 * with its journal interval when writes are not journaled). It never loses part of a write, and what it loses is
 * a suffix: the store opens at its newest complete version, and versions reach the file one after the other, each
 * synced before the next is taken, so a later write is never kept while an earlier one it followed is lost. The
 * services are built for exactly that: a listener keeps its consumer position in the same store, written after the
 * read model it covers, so whatever is lost is re-read from Kafka; the intake recovers claims it lost from the
 * topic. A clean stop commits everything.
 *
 * <p><b>How documents and index keys are stored.</b> Not with the MVStore's generic type, which Java-serializes
 * them, but as {@link H2DataTypes} says (BSON documents, index keys compared in MongoDB's order of values, index
 * values as BSON); a file written before is read as it is, its index maps copied into the new order when it is
 * opened. Pages are small ({@link #KEYS_PER_PAGE}), because a commit writes every page that changed, whole.
 */
final class CrashSafeH2Backend extends H2Backend {

    /** How much a crash may lose; short, like MongoDB's journal commit interval. */
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(CrashSafeH2Backend.class);
    private static final H2DataTypes.Documents DOCUMENTS = new H2DataTypes.Documents();
    private static final H2DataTypes.IndexKeys INDEX_KEYS = new H2DataTypes.IndexKeys();
    private static final H2DataTypes.Positions POSITIONS = new H2DataTypes.Positions();

    /**
     * At most this many keys in a page of a map, where the MVStore's default is 48. A commit writes every page that
     * changed, whole: an insert at a random key (an activity's id, in a unique index) costs the commit all the keys of
     * its page and of the page above it, so smaller pages write less per insert (and a little more per page).
     */
    static final int KEYS_PER_PAGE = 16;

    /** At most this many bytes (the store's estimate) in a page, where the default is 16 KB: two or three documents. */
    static final int PAGE_SPLIT_SIZE = 4 * 1024;

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
                .keysPerPage(KEYS_PER_PAGE)
                .pageSplitSize(PAGE_SPLIT_SIZE)
                .open();
        // The store serializes a commit on threads of its own only while it has a background writer, which it
        // starts with a commit delay; this delay is so long that the writer never commits on its own.
        store.setAutoCommitDelay(Integer.MAX_VALUE);
        log.info("opened MVStore '{}', committed between operations every {} ms", fileName,
                COMMIT_INTERVAL.toMillis());
        return new CrashSafeH2Backend(store);
    }

    private void commitBetweenOperations() {
        boolean committed = false;
        lock.writeLock().lock();
        try {
            // Takes the maps' current roots as the commit's version and hands their serialization to the store's
            // threads; what commands change from here on goes into copies of the pages, not into this version.
            committed = !store.isClosed() && store.hasUnsavedChanges() && store.tryCommit() >= 0;
        } catch (RuntimeException e) {
            log.warn("committing the MVStore failed; retrying in {} ms", COMMIT_INTERVAL.toMillis(), e);
        } finally {
            lock.writeLock().unlock();
        }
        if (committed) {
            try {
                // waits for the version to be serialized and written, then forces it to the disk
                store.getFileStore().executeFileStoreOperation(store::sync);
            } catch (RuntimeException e) {
                log.warn("writing the MVStore failed; the next commit writes again", e);
            }
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
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
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

    /**
     * The H2 database of mongo-java-server with the data types of {@link H2DataTypes}. An inner class: the superclass
     * opens the collections and indexes in its constructor, before a field of this class would be set.
     */
    private final class Database extends H2Database {

        /** Names the index maps kept in MongoDB's order of values, apart from those an older file holds. */
        private static final String IN_VALUE_ORDER = "#by-value";

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap("databases." + namespace,
                    new MVMap.Builder<Object, Document>().valueType(DOCUMENTS));
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new Collection(this, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            MVStore mvStore = getMvStore();
            String serializedOrder = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            String valueOrder = serializedOrder + IN_VALUE_ORDER;
            boolean copy = !mvStore.hasMap(valueOrder) && mvStore.hasMap(serializedOrder);
            MVMap<KeyValue, Object> index = mvStore.openMap(valueOrder,
                    new MVMap.Builder<KeyValue, Object>().keyType(INDEX_KEYS).valueType(POSITIONS));
            if (copy) {
                // A file written before keeps this index in the order of the keys' serialized bytes; this runs
                // before the first commit, so the copy and the removal reach the file together.
                MVMap<Object, Object> old = mvStore.openMap(serializedOrder);
                for (Entry<Object, Object> entry : old.entrySet()) {
                    index.put((KeyValue) entry.getKey(), entry.getValue());
                }
                mvStore.removeMap(old);
                log.info("copied index '{}' into MongoDB's order of values", serializedOrder);
            }
            return new UniqueIndex(index, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(getFullCollectionNamespace(collection.getCollectionName()) + "._index_" + indexName
                    + IN_VALUE_ORDER);
        }
    }

    /** mongo-java-server's H2 unique index, on a map this class opens (that one's constructor is not public). */
    private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return map.remove(keyValue);
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return map.get(keyValue);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }

    /**
     * mongo-java-server's H2 collection that never hands out nor keeps a stored document by reference. The backend
     * changes a document it updates in place before it puts it back; a stored document that changed while the
     * store's threads serialize a commit would reach the file half-updated, or newer than its index entries. So
     * what is stored is a copy, and what is read from the store is a copy: only the pages' copy-on-write changes
     * the stored state, which a commit's version thus holds as it was when it was taken.
     */
    private static final class Collection extends H2Collection {

        private final MVMap<Object, Document> data;

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, data, meta, cursorRegistry);
            this.data = data;
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            return super.addDocumentInternal(document.cloneDeeply());
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            super.handleUpdate(position, oldDocument, newDocument.cloneDeeply());
        }

        @Override
        protected Document getDocument(Object position) {
            Document stored = super.getDocument(position);
            return stored == null ? null : stored.cloneDeeply();
        }

        @Override
        protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
            return super.streamAllDocumentsWithPosition()
                    .map(stored -> new DocumentWithPosition<>(stored.getDocument().cloneDeeply(), stored.getPosition()));
        }

        /**
         * mongo-java-server finds documents through a unique index only when the filter names exactly that index's
         * fields; a filter with one more condition — {@code _id} and a revision, say, the usual guarded update — reads
         * the whole collection. Where no index answers the filter as it is, this takes the documents of the filter's
         * plain equalities on all of some unique index's fields from that index, and matches the whole filter on just
         * those: every document the filter matches has those values, so none is missed.
         */
        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                Document fieldSelector) {
            if (orderBy != null && orderBy.containsKey("$natural")) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            List<Index<Object>> indexes = getIndexes();
            if (indexes.stream().noneMatch(index -> index.canHandle(query))) {
                for (Index<Object> index : indexes) {
                    Document equalities = plainEqualities(query, index);
                    if (equalities != null && index.canHandle(equalities)) {
                        return matchDocuments(query, index.getPositions(equalities), orderBy, numberToSkip, limit, batchSize,
                                fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /** The filter's conditions on the index's fields, if each is a plain value (no operator, list or pattern). */
        private static Document plainEqualities(Document query, Index<Object> index) {
            Document equalities = new Document();
            for (IndexKey key : index.getKeys()) {
                Object value = query.get(key.getKey());
                if (key.getKey().contains(".") || !isPlainValue(value)) {
                    return null;
                }
                equalities.put(key.getKey(), value);
            }
            return equalities;
        }

        private static boolean isPlainValue(Object value) {
            return value instanceof String || value instanceof Number || value instanceof Boolean
                    || value instanceof ObjectId || value instanceof java.util.UUID || value instanceof java.time.Instant;
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            if (isNaturalDescending(orderBy)) {
                return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            // a scan copies only the documents it finds
            Stream<Document> found = data.values().stream().filter(document -> documentMatchesQuery(document, query))
                    .map(Document::cloneDeeply);
            return matchDocumentsFromStream(found, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
    }
}
