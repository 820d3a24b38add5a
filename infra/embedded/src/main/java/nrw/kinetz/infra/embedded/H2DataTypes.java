package nrw.kinetz.infra.embedded;

import java.nio.ByteBuffer;
import java.util.Collections;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the H2 store keeps documents and index keys, in place of the MVStore's generic type (which Java-serializes
 * anything it does not know). Measured on the devstack's store at 1,000 activities/s, that generic type cost about
 * half of the store's CPU: a unique index's key ({@link KeyValue}) is not {@link Comparable}, so every comparison in
 * the index's B-tree — about twenty per insert, in the {@code _id} index every collection has — serialized both keys
 * and compared the bytes; and every document was Java-serialized again whenever the page holding it was committed.
 */
final class H2DataTypes {

    /** Not a tag of {@link ObjectDataType}, which marks what was Java-serialized (by a file written before). */
    private static final byte BSON = (byte) 0xB5;

    private H2DataTypes() {
    }

    /** The values as BSON values, each its type byte and its value; null where BSON has no form for one of them. */
    private static ByteBuf bsonValues(Iterable<?> values) {
        ByteBuf bson = Unpooled.buffer(64);
        try {
            for (Object value : values) {
                byte type = BsonEncoder.determineType(value);
                bson.writeByte(type);
                BsonEncoder.encodeValue(type, value, bson);
            }
            return bson;
        } catch (IllegalArgumentException notBson) { // a missing value, for one
            return null;
        }
    }

    /** Reads {@code count} values {@link #bsonValues} wrote, and moves the buffer past them. */
    private static Object[] readValues(ByteBuffer buff, int count) {
        ByteBuf bson = Unpooled.wrappedBuffer(buff.slice());
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            values[i] = BsonDecoder.decodeValue(bson.readByte(), bson);
        }
        buff.position(buff.position() + bson.readerIndex());
        return values;
    }

    /**
     * Documents as BSON, the wire format they arrive in: a few times cheaper to write and read than Java
     * serialization, and about half its size. A file written before holds Java-serialized documents; they are read
     * as before and written as BSON the next time their page is committed.
     */
    static final class Documents extends BasicDataType<Document> {


        private final ObjectDataType javaSerialized = new ObjectDataType();

        /**
         * An estimate of a document's heap size for the store's page cache, from the encoded sizes seen: a decoded
         * document takes several times its BSON size (a map entry, a key and a boxed value per field).
         */
        private int averageMemory = 2_000;

        @Override
        public int getMemory(Document document) {
            return averageMemory;
        }

        @Override
        public void write(WriteBuffer buff, Document document) {
            ByteBuf bson = Unpooled.buffer(512);
            try {
                BsonEncoder.encodeDocument(document, bson);
            } catch (IllegalArgumentException notBson) {
                javaSerialized.write(buff, document); // a value BSON cannot hold; read back by the fallback below
                return;
            }
            int length = bson.readableBytes();
            averageMemory = (int) ((4L * length + 15L * averageMemory) / 16);
            buff.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        }

        @Override
        public Document read(ByteBuffer buff) {
            if (buff.get(buff.position()) != BSON) {
                return (Document) javaSerialized.read(buff);
            }
            buff.get();
            ByteBuf bson = Unpooled.wrappedBuffer(buff.slice());
            Document document = BsonDecoder.decodeBson(bson);
            buff.position(buff.position() + bson.readerIndex());
            return document;
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }

    /**
     * The values of a unique index's map: the position of the document a key belongs to, which is the document's
     * {@code _id}, written as a BSON value. With the MVStore's generic type an {@code _id} it does not know — an
     * {@code ObjectId}, which the driver gives every document inserted without one — was Java-serialized each time
     * the index page holding it was committed; with random keys (activity ids) every commit rewrites many such pages.
     * A file written before holds the generic type's values; they are read as before.
     */
    static final class Positions extends BasicDataType<Object> {

        private final ObjectDataType javaSerialized = new ObjectDataType();

        @Override
        public int compare(Object a, Object b) {
            return IndexKeys.compareValues(a, b, javaSerialized);
        }

        @Override
        public int getMemory(Object position) {
            return 48;
        }

        @Override
        public void write(WriteBuffer buff, Object position) {
            ByteBuf bson = bsonValues(Collections.singletonList(position));
            if (bson == null) {
                javaSerialized.write(buff, position);
                return;
            }
            buff.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        }

        @Override
        public Object read(ByteBuffer buff) {
            if (buff.get(buff.position()) != BSON) {
                return javaSerialized.read(buff);
            }
            buff.get();
            return readValues(buff, 1)[0];
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    /**
     * A unique index's keys in the order MongoDB compares values, written as BSON values (a key holding a value BSON
     * has no form for is Java-serialized). The order differs from that of an index map written before, which
     * {@link CrashSafeH2Backend} therefore copies into a map of this type under a new name when it opens the file.
     */
    static final class IndexKeys extends BasicDataType<KeyValue> {

        private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

        private final ObjectDataType javaSerialized = new ObjectDataType();

        @Override
        public int compare(KeyValue a, KeyValue b) {
            int size = Math.min(a.size(), b.size());
            for (int i = 0; i < size; i++) {
                int compared = compareValues(a.get(i), b.get(i), javaSerialized);
                if (compared != 0) {
                    return compared;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        static int compareValues(Object a, Object b, ObjectDataType javaSerialized) {
            try {
                return VALUES.compare(a, b);
            } catch (UnsupportedOperationException notComparable) { // a regular expression, for one: any fixed order
                int byType = a.getClass().getName().compareTo(b.getClass().getName());
                return byType != 0 ? byType : javaSerialized.compare(a, b);
            }
        }

        @Override
        public int getMemory(KeyValue key) {
            return 64 + 48 * key.size();
        }

        @Override
        public void write(WriteBuffer buff, KeyValue key) {
            ByteBuf bson = bsonValues(key);
            if (bson == null) {
                javaSerialized.write(buff, key);
                return;
            }
            buff.put(BSON).putVarInt(key.size()).put(bson.array(), bson.arrayOffset() + bson.readerIndex(),
                    bson.readableBytes());
        }

        @Override
        public KeyValue read(ByteBuffer buff) {
            if (buff.get(buff.position()) != BSON) {
                return (KeyValue) javaSerialized.read(buff);
            }
            buff.get();
            return new KeyValue(readValues(buff, DataUtils.readVarInt(buff)));
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }
}
