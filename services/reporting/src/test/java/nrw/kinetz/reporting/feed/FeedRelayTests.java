package nrw.kinetz.reporting.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Period;

class FeedRelayTests {

    private final MarkedChanges source = new MarkedChanges();
    private final InMemoryFeed feed = new InMemoryFeed();
    private final SwitchableLease lease = new SwitchableLease();
    private final List<FeedEntry> heard = new ArrayList<>();
    private final FeedRelay relay = new FeedRelay(source, feed, lease, () -> List.of(heard::addAll),
            Clock.fixed(Instant.parse("2026-07-14T08:00:00Z"), ZoneOffset.UTC), 2);

    @Test
    void markedChangesAreAppendedInOrderTheirMarksClearedAndListenersTold() {
        source.mark("a", 1);
        source.mark("b", 1);
        source.mark("c", 1);

        assertThat(relay.drain()).isEqualTo(3);

        assertThat(feed.entries).extracting(FeedEntry::key).containsExactly("a", "b", "c");
        assertThat(feed.entries).extracting(FeedEntry::sequence).containsExactly(1L, 2L, 3L);
        assertThat(source.marked).isEmpty();
        assertThat(heard).extracting(FeedEntry::key).containsExactly("a", "b", "c");
    }

    @Test
    void listenersHearOfNewEntriesBeforeTheMarksAreCleared() {
        source.mark("a", 1);
        List<Integer> marksWhenHeard = new ArrayList<>();
        FeedRelay telling = new FeedRelay(source, feed, lease, () -> List.of(entries -> marksWhenHeard.add(source.marked.size())),
                Clock.systemUTC(), 10);

        telling.drain();

        assertThat(marksWhenHeard).containsExactly(1);
        assertThat(source.marked).isEmpty();
    }

    @Test
    void aggregatesAWakeUpNamedAreReadByKeyBeforeTheSweepLooksForMarks() {
        source.mark("a", 1);
        source.mark("b", 1);
        source.mark("c", 1);
        relay.wakeUp(List.of("c", "a", "gone"));

        assertThat(relay.drain()).isEqualTo(3);

        assertThat(source.questions).containsExactly("c,a", "gone", "marks", "marks");
        assertThat(feed.entries).extracting(FeedEntry::key).containsExactly("c", "a", "b");
        assertThat(source.marked).isEmpty();
    }

    @Test
    void changesHandedOverAreAppendedAsTheyAreAndTheNextSweepClearsTheirMarks() {
        source.mark("a", 1);
        source.mark("b", 1);
        relay.handOver(List.of(MarkedChanges.change("a", 1), MarkedChanges.change("b", 1)), relay.term());

        relay.drain();

        assertThat(source.questions).containsExactly("marks", "marks");
        assertThat(feed.entries).extracting(FeedEntry::key).containsExactly("a", "b");
        assertThat(heard).extracting(FeedEntry::key).containsExactly("a", "b");
        assertThat(source.marked).isEmpty();
    }

    @Test
    void aChangeHandedOverWhileTheLeaseIsHeldIsNotLookedForInTheFeedButOneWrittenWithoutItIs() {
        long held = relay.term();
        lease.held = false;
        long notHeld = relay.term();
        lease.held = true;
        relay.handOver(List.of(MarkedChanges.change("a", 1)), held);
        relay.handOver(List.of(MarkedChanges.change("b", 1)), notHeld);

        relay.drain();

        assertThat(feed.absentGiven.get(0)).containsExactly("g1/a@1");
        assertThat(feed.entries).extracting(FeedEntry::changeId).containsExactly("g1/a@1", "g1/b@1");
    }

    @Test
    void aLaterChangeHandedOverReplacesAnEarlierOneOfTheSameAggregateNotYetRelayed() {
        source.mark("a", 2);
        relay.handOver(List.of(MarkedChanges.change("a", 1)), relay.term());
        relay.handOver(List.of(MarkedChanges.change("a", 2)), relay.term());
        relay.handOver(List.of(MarkedChanges.change("a", 1)), relay.term());

        relay.drain();

        assertThat(feed.entries).extracting(FeedEntry::changeId).containsExactly("g1/a@2");
        assertThat(source.marked).isEmpty();
    }

    @Test
    void aChangeHandedOverIsDroppedWhenASweepRelayedTheSameOrANewerRevisionBeforeOrAfter() {
        relay.handOver(List.of(MarkedChanges.change("a", 1), MarkedChanges.change("b", 1)), relay.term());
        source.mark("a", 2); // written again before a round relayed the hand-over, and found by a sweep first
        source.mark("b", 1);
        source.mark("c", 1);

        assertThat(relay.relayOnce()).isEqualTo(2);
        relay.handOver(List.of(MarkedChanges.change("a", 2)), relay.term()); // handed over after the sweep read it
        relay.drain();

        assertThat(feed.entries).extracting(FeedEntry::changeId).containsExactly("g1/a@2", "g1/b@1", "g1/c@1");
        assertThat(feed.absentGiven).allSatisfy(absent -> assertThat(absent).isEmpty());
    }

    @Test
    void aChangeAppendedBeforeACrashIsNotAppendedAgain() {
        source.mark("a", 1);
        feed.append(source.pending(10), Instant.EPOCH);

        relay.drain();

        assertThat(feed.entries).hasSize(1);
        assertThat(source.marked).isEmpty();
    }

    @Test
    void anInstanceWithoutTheLeaseRelaysNothing() {
        source.mark("a", 1);
        lease.held = false;

        assertThat(relay.relayOnce()).isZero();
        assertThatThrownBy(relay::drain).isInstanceOf(IllegalStateException.class);
        assertThat(feed.entries).isEmpty();
        assertThat(source.marked).hasSize(1);
    }

    /** Marks by key with a revision, as the activity cells carry them. */
    private static final class MarkedChanges implements ChangeSource {

        final Map<String, Long> marked = new LinkedHashMap<>();
        /** Every question asked: "marks" for a sweep's, the keys for a question by key. */
        final List<String> questions = new ArrayList<>();

        void mark(String key, long revision) {
            marked.put(key, revision);
        }

        @Override
        public List<Change> pending(int limit) {
            questions.add("marks");
            return marked.entrySet().stream().limit(limit).map(e -> change(e.getKey(), e.getValue())).toList();
        }

        @Override
        public List<Change> pending(Collection<String> keys) {
            questions.add(String.join(",", keys));
            return keys.stream().filter(marked::containsKey).map(key -> change(key, marked.get(key))).toList();
        }

        static Change change(String key, long revision) {
            return new Change("g1", key, revision, "activities", Period.parse("2026-07"), Map.of(), Map.of("activities", 1L));
        }

        @Override
        public void fed(List<Change> changes) {
            changes.forEach(change -> marked.remove(change.key(), change.revision()));
        }
    }
}
