package nrw.kinetz.reporting.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Period;

class PublicAnswersTests {

    private final AtomicLong feed = new AtomicLong(7);
    private final AtomicInteger generation = new AtomicInteger(1);
    private final AtomicInteger computed = new AtomicInteger();
    private final PublicAnswers answers = new PublicAnswers(List.of(feed::get, generation::get), 2);
    private final Measure activities = new CountingMeasure("activities");

    @Test
    void theSameQuestionIsComputedOnceWhileNothingChanges() {
        AggregateReport first = ask(query(activities, Optional.empty()));
        AggregateReport second = ask(query(activities, Optional.empty()));

        assertThat(second).isSameAs(first);
        assertThat(computed).hasValue(1);
        assertThat(answers.reused()).isEqualTo(1);
        assertThat(answers.computed()).isEqualTo(1);
    }

    @Test
    void anAnswerIsNeverHandedOutOnceAVersionMoved() {
        AggregateReport before = ask(query(activities, Optional.empty()));

        feed.incrementAndGet();
        AggregateReport afterAChange = ask(query(activities, Optional.empty()));
        generation.incrementAndGet();
        AggregateReport afterARebuild = ask(query(activities, Optional.empty()));

        assertThat(computed).hasValue(3);
        assertThat(afterAChange.total()).isNotEqualTo(before.total());
        assertThat(afterARebuild.total()).isNotEqualTo(afterAChange.total());
    }

    @Test
    void theVersionsAreReadBeforeTheAnswerIsComputedSoAChangeMeanwhileIsNotHiddenByIt() {
        // The read model changes while the answer is computed: the answer may already contain it or not, so it
        // must be kept under the versions from before, and the next question computes again.
        answers.answer(query(activities, Optional.empty()), () -> {
            feed.incrementAndGet();
            return report(computed.incrementAndGet());
        });

        ask(query(activities, Optional.empty()));

        assertThat(computed).hasValue(2);
    }

    @Test
    void questionsDifferingInGroupingOrPeriodAreKeptApart() {
        ask(query(activities, Optional.empty()));
        ask(query(activities, Optional.of(Period.parse("2026-Q1"))));
        ask(new AggregateQuery(activities, Dimension.REGIERUNGSBEZIRK, Optional.empty()));

        assertThat(computed).hasValue(3);
    }

    @Test
    void atMostCapacityQuestionsAreKept() {
        List<String> periods = List.of("2021", "2022", "2023", "2024", "2025", "2026");
        periods.forEach(period -> ask(query(activities, Optional.of(Period.parse(period)))));
        periods.forEach(period -> ask(query(activities, Optional.of(Period.parse(period)))));

        assertThat(answers.reused()).as("room for two answers").isLessThanOrEqualTo(2);
        assertThat(computed.get()).isGreaterThanOrEqualTo(10);
    }

    private AggregateReport ask(AggregateQuery query) {
        return answers.answer(query, () -> report(computed.incrementAndGet()));
    }

    private static AggregateQuery query(Measure measure, Optional<Period> period) {
        return new AggregateQuery(measure, Dimension.SITE, period);
    }

    private static AggregateReport report(int n) {
        return new AggregateReport("activities", null, "site", List.of(), Map.of("activities", CellValue.of(n)));
    }

    private record CountingMeasure(String name) implements Measure {

        @Override
        public List<Metric> metrics() {
            return List.of(Metric.count(name));
        }

        @Override
        public List<Dimension> dimensions() {
            return List.of(Dimension.SITE, Dimension.REGIERUNGSBEZIRK);
        }

        @Override
        public Aggregation aggregate(Dimension groupBy, Optional<Period> period) {
            return new Aggregation(List.of(), Map.of());
        }
    }
}
