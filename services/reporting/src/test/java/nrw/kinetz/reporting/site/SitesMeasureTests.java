package nrw.kinetz.reporting.site;

import static nrw.kinetz.reporting.site.SiteEvents.SOEST;
import static nrw.kinetz.reporting.site.SiteEvents.VIERSEN;
import static nrw.kinetz.reporting.site.SiteEvents.staffing;
import static nrw.kinetz.reporting.site.SiteEvents.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nrw.kinetz.model.Period;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.model.site.SiteStatusChanged;
import nrw.kinetz.reporting.aggregate.AggregateRow;
import nrw.kinetz.reporting.aggregate.Aggregation;
import nrw.kinetz.reporting.aggregate.CellValue;
import nrw.kinetz.reporting.aggregate.Dimension;
import nrw.kinetz.reporting.aggregate.Suppression;

class SitesMeasureTests {

    private static final LocalDate ESTABLISHED_ON = LocalDate.of(2013, 6, 1);

    private final InMemorySiteViews views = new InMemorySiteViews();
    private final SiteProjection projection = new SiteProjection(views);
    private final SitesMeasure measure = new SitesMeasure(views);
    private final AtomicLong offset = new AtomicLong();

    /** The network with Kreis Viersen decided in 2016 and funded in October 2017, every other site established in 2013. */
    @BeforeEach
    void network() {
        KiSites.all().stream().filter(site -> !site.siteId().equals(VIERSEN))
                .forEach(site -> projection.on(registration(site, SiteStatus.ESTABLISHED, ESTABLISHED_ON), next()));
        projection.on(registration(VIERSEN, SiteStatus.DECIDED, LocalDate.of(2016, 3, 1)), next());
        projection.on(new SiteStatusChanged(VIERSEN, SiteStatus.DECIDED, SiteStatus.FUNDED, LocalDate.of(2017, 10, 1)), next());
    }

    @Test
    void countsPerRegierungsbezirkAreTheFiveRegionsOfTheNetwork() {
        Aggregation result = measure.aggregate(Dimension.REGIERUNGSBEZIRK, Optional.empty());

        assertThat(result.rows()).extracting(AggregateRow::key).containsExactly("1", "3", "5", "7", "9");
        assertThat(result.rows()).extracting(AggregateRow::label).containsExactly("Düsseldorf", "Köln", "Münster", "Detmold", "Arnsberg");
        assertThat(result.rows()).extracting(SitesMeasureTests::sites).containsExactly(15L, 12L, 8L, 7L, 12L);
        assertThat(result.total()).isEqualTo(Map.of("sites", CellValue.of(54), "fte", CellValue.of(BigDecimal.ZERO)));
    }

    @Test
    void fullTimeEquivalentsAreTheSumOfTheCurrentStaffingPlansPerRow() {
        projection.on(staffing(VIERSEN, "5.5"), LocalDate.of(2018, 1, 10), next());
        projection.on(staffing(VIERSEN, "6.0"), LocalDate.of(2019, 1, 10), next());
        projection.on(staffing(SOEST, "4.25"), LocalDate.of(2018, 1, 10), next());

        Aggregation byRegion = measure.aggregate(Dimension.REGIERUNGSBEZIRK, Optional.empty());
        assertThat(byRegion.rows()).extracting(SitesMeasureTests::fte)
                .containsExactly(new BigDecimal("6.00"), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                        BigDecimal.ZERO.setScale(2), new BigDecimal("4.25"));
        assertThat(byRegion.total()).containsEntry("fte", CellValue.of(new BigDecimal("10.25")));
        assertThat(measure.aggregate(Dimension.STATUS, Optional.empty()).rows()).extracting(SitesMeasureTests::fte)
                .containsExactly(BigDecimal.ZERO.setScale(2), new BigDecimal("6.00"), BigDecimal.ZERO.setScale(2),
                        new BigDecimal("4.25"), BigDecimal.ZERO.setScale(2));
    }

    @Test
    void aSiteCrossedWithItsStatusIsOneRowPerSiteWithTheStatusItHadThen() {
        Aggregation in2016 = measure.aggregate(List.of(Dimension.SITE, Dimension.STATUS), Optional.of(Period.parse("2016")),
                Suppression.PUBLIC);
        Aggregation in2017 = measure.aggregate(List.of(Dimension.SITE, Dimension.STATUS), Optional.of(Period.parse("2017")),
                Suppression.PUBLIC);

        assertThat(in2017.rows()).hasSize(54);
        assertThat(in2017.rows()).extracting(AggregateRow::key).isSorted().contains(VIERSEN.value() + "/FUNDED",
                SOEST.value() + "/ESTABLISHED");
        assertThat(in2016.rows()).extracting(AggregateRow::key).contains(VIERSEN.value() + "/DECIDED");
        AggregateRow viersen = in2017.rows().stream().filter(row -> row.key().startsWith(VIERSEN.value())).findFirst().orElseThrow();
        assertThat(viersen.parts()).extracting(AggregateRow.Part::label).containsExactly("Kreis Viersen", "Zuwendungsbescheid");
        assertThat(sites(viersen)).isEqualTo(1);
        assertThat(in2017.total()).containsEntry("sites", CellValue.of(54));
    }

    @Test
    void aRegierungsbezirkCrossedWithStatusListsOnlyTheStatusesItsSitesHave() {
        Aggregation crossed = measure.aggregate(List.of(Dimension.REGIERUNGSBEZIRK, Dimension.STATUS), Optional.empty(),
                Suppression.EXACT);

        assertThat(crossed.rows()).extracting(AggregateRow::key).as("in the order of the regions, then of the lifecycle")
                .containsExactly("1/FUNDED", "1/ESTABLISHED", "3/ESTABLISHED", "5/ESTABLISHED", "7/ESTABLISHED", "9/ESTABLISHED");
        assertThat(crossed.rows()).extracting(SitesMeasureTests::sites).containsExactly(1L, 14L, 12L, 8L, 7L, 12L);
    }

    @Test
    void withAPeriodTheStaffingPlanIsTheOneRecordedByItsLastDay() {
        projection.on(staffing(VIERSEN, "5.5"), LocalDate.of(2018, 1, 10), next());
        projection.on(staffing(VIERSEN, "6"), LocalDate.of(2019, 1, 10), next());

        assertThat(fteTotal(Period.parse("2017"))).isEqualByComparingTo("0");
        assertThat(fteTotal(Period.parse("2018"))).isEqualByComparingTo("5.5");
        assertThat(fteTotal(Period.parse("2019-Q1"))).isEqualByComparingTo("6");
    }

    @Test
    void countsPerStatusListEveryStatusInLifecycleOrderWithGermanLabels() {
        Aggregation result = measure.aggregate(Dimension.STATUS, Optional.empty());

        assertThat(result.rows()).extracting(AggregateRow::key)
                .containsExactly("DECIDED", "FUNDED", "START_PHASE", "ESTABLISHED", "CLOSED");
        assertThat(result.rows()).extracting(AggregateRow::label)
                .containsExactly("Grundsatzentscheidung", "Zuwendungsbescheid", "Startphase", "etabliert", "geschlossen");
        assertThat(result.rows()).extracting(SitesMeasureTests::sites).containsExactly(0L, 1L, 0L, 53L, 0L);
    }

    @Test
    void bySiteEverySiteIsOneRowNamedAsPeopleSayIt() {
        Aggregation result = measure.aggregate(Dimension.SITE, Optional.empty());

        assertThat(result.rows()).hasSize(54);
        assertThat(result.rows()).extracting(SitesMeasureTests::sites).containsOnly(1L);
        assertThat(result.rows()).filteredOn(row -> row.key().equals("05334002"))
                .extracting(AggregateRow::label).containsExactly("Stadt Aachen");
        assertThat(result.rows().get(0).key()).isEqualTo("05111");
    }

    @Test
    void closedSiteStaysInItsRegionAndMovesToTheClosedRow() {
        projection.on(new SiteStatusChanged(VIERSEN, SiteStatus.FUNDED, SiteStatus.CLOSED, LocalDate.of(2020, 1, 1)), next());

        assertThat(measure.aggregate(Dimension.REGIERUNGSBEZIRK, Optional.empty()).rows().get(0)).extracting(SitesMeasureTests::sites).isEqualTo(15L);
        assertThat(statusCounts(Optional.empty())).containsExactly(0L, 0L, 0L, 53L, 1L);
    }

    @Test
    void withAPeriodTheNetworkIsCountedAsOfItsLastDay() {
        assertThat(total(Period.parse("2013"))).isEqualTo(53);
        assertThat(total(Period.parse("2016-02"))).isEqualTo(53);
        assertThat(total(Period.parse("2016-Q1"))).isEqualTo(54);
        assertThat(statusCounts(Optional.of(Period.parse("2017-Q3")))).containsExactly(1L, 0L, 0L, 53L, 0L);
        assertThat(statusCounts(Optional.of(Period.parse("2017-Q4")))).containsExactly(0L, 1L, 0L, 53L, 0L);
    }

    @Test
    void siteKnownOnlyFromAStatusChangeIsNotCounted() {
        InMemorySiteViews fresh = new InMemorySiteViews();
        new SiteProjection(fresh).on(new SiteStatusChanged(VIERSEN, SiteStatus.DECIDED, SiteStatus.FUNDED, LocalDate.of(2017, 10, 1)), next());

        assertThat(new SitesMeasure(fresh).aggregate(Dimension.STATUS, Optional.empty()).total())
                .containsEntry("sites", CellValue.of(0));
    }

    @Test
    void groupingsOfOtherMeasuresAreRefused() {
        assertThat(measure.dimensions()).containsExactly(Dimension.SITE, Dimension.REGIERUNGSBEZIRK, Dimension.STATUS);
        assertThatThrownBy(() -> measure.aggregate(Dimension.FOCUS_AREA, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("focusArea");
    }

    @Test
    void sitesAndFullTimeEquivalentsAreNotPeopleCounts() {
        assertThat(measure.metrics()).extracting(metric -> metric.name()).containsExactly("sites", "fte");
        assertThat(measure.metrics()).allSatisfy(metric -> assertThat(metric.countsPeople()).isFalse());
    }

    private List<Long> statusCounts(Optional<Period> period) {
        return measure.aggregate(Dimension.STATUS, period).rows().stream().map(SitesMeasureTests::sites).toList();
    }

    private long total(Period period) {
        return ((CellValue.Count) measure.aggregate(Dimension.REGIERUNGSBEZIRK, Optional.of(period)).total().get("sites")).value();
    }

    private BigDecimal fteTotal(Period period) {
        return ((CellValue.Amount) measure.aggregate(Dimension.REGIERUNGSBEZIRK, Optional.of(period)).total().get("fte")).value();
    }

    private static BigDecimal fte(AggregateRow row) {
        return ((CellValue.Amount) row.values().get("fte")).value();
    }

    private static long sites(AggregateRow row) {
        return ((CellValue.Count) row.values().get("sites")).value();
    }

    private Delivery next() {
        return new Delivery(UUID.randomUUID(), 0, offset.getAndIncrement());
    }
}
