package nrw.kinetz.reporting.feed.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import nrw.kinetz.model.Period;
import nrw.kinetz.reporting.ScratchDatabase;
import nrw.kinetz.testkit.TestInfrastructure;
import nrw.kinetz.testkit.WithKiNetzInfrastructure;
import nrw.kinetz.reporting.feed.Change;
import nrw.kinetz.reporting.feed.FeedCursor;
import nrw.kinetz.reporting.feed.FeedEntry;

/** The feed in the real (embedded) MongoDB wire server: appends, reads after a cursor, and gaps. */
@WithKiNetzInfrastructure
class MongoFeedTests {

    private ScratchDatabase database;
    private MongoTemplate mongo;
    private MongoFeed feed;
    private int changes;

    @BeforeEach
    void store(TestInfrastructure infrastructure) {
        database = new ScratchDatabase(infrastructure, "feed");
        mongo = database.mongo();
        feed = new MongoFeed(mongo);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void entriesAfterACursorComeInSequenceOrderUpToTheLimitAcrossReadSlices() {
        append(450);

        assertThat(feed.after(FeedCursor.START, 500)).extracting(FeedEntry::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 450).boxed().toList());
        assertThat(feed.after(100, 300)).extracting(FeedEntry::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(101, 400).boxed().toList());
        assertThat(feed.after(449, 10)).extracting(FeedEntry::sequence).containsExactly(450L);
        assertThat(feed.after(450, 10)).isEmpty();
        assertThat(feed.after(FeedCursor.START, 0)).isEmpty();
        assertThat(feed.last()).isEqualTo(450);
    }

    @Test
    void numbersAnAppendTookBeforeItFailedAreSkippedByReaders() {
        append(3);
        // An append that took numbers 4..503 and died before writing its entries.
        mongo.getCollection(MongoFeed.COUNTERS).updateOne(Filters.eq("_id", "feed"), Updates.inc("seq", 500L),
                new UpdateOptions().upsert(true));
        append(2);

        assertThat(feed.after(FeedCursor.START, 10)).extracting(FeedEntry::sequence).containsExactly(1L, 2L, 3L);
        assertThat(feed.after(3, 10)).extracting(FeedEntry::sequence).containsExactly(504L, 505L);
        assertThat(feed.after(3, 1000)).extracting(FeedEntry::sequence).containsExactly(504L, 505L);
        assertThat(feed.after(505, 10)).isEmpty();
    }

    @Test
    void aSmallGapIsSteppedOverWithinTheWindow() {
        append(2);
        mongo.getCollection(MongoFeed.COUNTERS).updateOne(Filters.eq("_id", "feed"), Updates.inc("seq", 5L));
        append(2);

        assertThat(feed.after(2, 10)).extracting(FeedEntry::sequence).containsExactly(8L, 9L);
    }

    @Test
    void aChangeAppendedBeforeIsNotAppendedAgain() {
        Change change = change();
        assertThat(feed.append(List.of(change), Instant.EPOCH)).hasSize(1);

        assertThat(feed.append(List.of(change, change()), Instant.EPOCH)).extracting(FeedEntry::sequence).containsExactly(2L);
        assertThat(feed.after(FeedCursor.START, 10)).hasSize(2);
    }

    private void append(int count) {
        feed.append(IntStream.range(0, count).mapToObj(i -> change()).toList(), Instant.parse("2026-07-14T08:00:00Z"));
    }

    private Change change() {
        changes++;
        return new Change("g1", "key-" + changes, 1, "activities", Period.parse("2026-07"), Map.of("site", "05974"),
                Map.of("activities", 1L));
    }
}
