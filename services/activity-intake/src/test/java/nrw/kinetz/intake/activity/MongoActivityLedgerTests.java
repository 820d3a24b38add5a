package nrw.kinetz.intake.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Date;
import java.util.Random;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

import nrw.kinetz.intake.activity.ActivityLedger.Pending;
import nrw.kinetz.model.activity.ActivityReported;

class MongoActivityLedgerTests {

    @Test
    void aClaimWrittenStraightToBsonIsTheClaimDocument() {
        long now = System.currentTimeMillis();
        for (ActivityReported report : ReportJsonTests.reports(new Random(18), 500)) {
            Pending pending = new Pending(report, "a".repeat(64));

            RawBsonDocument written = MongoActivityLedger.claimBson(pending, "batch-1", now);

            // the bytes the driver writes for the claim document, texts that UTF-8 cannot carry replaced alike
            assertThat(bytes(written)).isEqualTo(bytes(new RawBsonDocument(
                    MongoActivityLedger.claimDocument(pending, "batch-1", new Date(now)), new DocumentCodec())));
        }
    }

    @Test
    void aClaimWrittenStraightToBsonReadsBackAsItsReport() {
        for (ActivityReported report : ReportJsonTests.reports(new Random(19), 50)) {
            if ((report.note() + report.measureId()).contains("\ud83d")) {
                continue; // an unpaired surrogate is stored as '?' by either way of writing
            }
            Document written = MongoActivityLedger.claimBson(new Pending(report, "b".repeat(64)), "batch-2", 0)
                    .decode(new DocumentCodec());

            assertThat(MongoActivityLedger.report(written.get("report", Document.class))).isEqualTo(report);
        }
    }

    private static byte[] bytes(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
