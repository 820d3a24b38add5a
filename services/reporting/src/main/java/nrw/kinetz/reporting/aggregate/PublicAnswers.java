package nrw.kinetz.reporting.aggregate;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import nrw.kinetz.model.Period;

/**
 * The public answers of {@code GET /api/v1/aggregates}, kept by question until a read model changes. Without a
 * period a measure adds up every cell ever written, and every anonymous dashboard asks the same few questions
 * between two changes; so an answer is computed once per question and {@link AnswerVersion versions} and handed
 * to everyone who asks the same question meanwhile.
 *
 * <p>Never stale: the versions are read <em>before</em> the answer is computed, so an answer is at least as new
 * as the versions it is kept under, and a kept answer is only handed out while every version is unchanged. Each
 * listener moves its kept position right after its read model applied a record, so a kept answer is never older
 * than the read models.
 *
 * <p>Only what every non-laki caller sees is kept (the answer after suppression), never exact numbers: the LaKI's
 * questions are computed every time. Bounded: at most {@code capacity} questions, those asked least often
 * dropped first; a question keeps only its newest answer.
 */
public final class PublicAnswers {

    private record Question(String measure, List<Dimension> grouping, Optional<Period> period) {
    }

    private record Answer(List<Object> versions, AggregateReport report) {
    }

    private final List<AnswerVersion> versions;
    private final Cache<Question, Answer> answers;
    private final LongAdder reused = new LongAdder();
    private final LongAdder computed = new LongAdder();

    /** @param capacity the most questions kept at once */
    public PublicAnswers(List<AnswerVersion> versions, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.versions = List.copyOf(versions);
        this.answers = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
    }

    /**
     * @param query   the question
     * @param compute computes the public answer (after suppression) when no current one is kept
     * @return the kept answer if every version is unchanged since it was computed, else a freshly computed one
     */
    public AggregateReport answer(AggregateQuery query, Supplier<AggregateReport> compute) {
        List<Object> now = versions.stream().map(AnswerVersion::current).toList();
        Question question = new Question(query.measure().name(), query.grouping(), query.period());
        Answer kept = answers.getIfPresent(question);
        if (kept != null && kept.versions().equals(now)) {
            reused.increment();
            return kept.report();
        }
        computed.increment();
        AggregateReport report = compute.get();
        answers.put(question, new Answer(now, report));
        return report;
    }

    /**
     * Drops every kept answer. Needed only when a read model is emptied behind its listener's back (as tests do
     * between cases): its view then changes without the feed moving, because re-fed revisions are already there.
     */
    public void forgetAll() {
        answers.invalidateAll();
    }

    /** @return how often a kept answer was handed out instead of computing it */
    public long reused() {
        return reused.sum();
    }

    /** @return how often an answer was computed: its question was not kept, or kept at older versions */
    public long computed() {
        return computed.sum();
    }
}
