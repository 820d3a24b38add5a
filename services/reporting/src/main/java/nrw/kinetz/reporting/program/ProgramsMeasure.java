package nrw.kinetz.reporting.program;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.model.Period;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.program.Indicator;
import nrw.kinetz.model.reference.KiSiteReference;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.reporting.aggregate.AggregateRow;
import nrw.kinetz.reporting.aggregate.Aggregation;
import nrw.kinetz.reporting.aggregate.CellValue;
import nrw.kinetz.reporting.aggregate.Dimension;
import nrw.kinetz.reporting.aggregate.Measure;
import nrw.kinetz.reporting.aggregate.Metric;
import nrw.kinetz.reporting.aggregate.Suppression;

/**
 * {@code measure=programs}: the money of the grants — granted, drawn (disbursed), spent and repayments as exact
 * euro amounts, utilisation (drawn ÷ granted) — and every indicator's actual value and target, grouped by site,
 * Regierungsbezirk, programme, block or budget year. A period selects budget years (the years it touches);
 * without one, all years count. Rejected applications count nowhere; applications not yet decided count as
 * grants with nothing granted. Counts of people among the indicators are exact for the laki role only and shown to
 * everyone else as 0 or withheld; money is not. {@code proofsOpen} counts approved grants whose
 * Verwendungsnachweis is not accepted yet, {@code proofsOverdue} those past due and neither submitted nor accepted.
 */
public final class ProgramsMeasure implements Measure {

    public static final String NAME = "programs";
    public static final Metric GRANTS = Metric.count("grants", "Zuwendungen");
    public static final Metric GRANTED = Metric.amount("granted", "bewilligt (€)");
    public static final Metric DISBURSED = Metric.amount("disbursed", "abgerufen (€)");
    public static final Metric SPENT = Metric.amount("spent", "verausgabt (€)");
    public static final Metric REPAYMENTS = Metric.amount("repayments", "Rückforderungen (€)");
    public static final Metric UTILISATION = Metric.amount("utilisation", "Abrufquote");
    public static final Metric PROOFS_OPEN = Metric.count("proofsOpen", "Verwendungsnachweise offen");
    public static final Metric PROOFS_OVERDUE = Metric.count("proofsOverdue", "Verwendungsnachweise überfällig");

    private static final String NONE = "NONE";

    private final ProgramFigures model;
    private final Clock clock;

    public ProgramsMeasure(ProgramFigures model, Clock clock) {
        this.model = model;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Metric> metrics() {
        List<Metric> metrics = new ArrayList<>(List.of(GRANTS, GRANTED, DISBURSED, SPENT, REPAYMENTS, UTILISATION,
                PROOFS_OPEN, PROOFS_OVERDUE));
        for (Indicator indicator : Indicator.values()) {
            metrics.add(indicator.countsPeople() ? Metric.peopleNotPublished(actual(indicator), indicator.label())
                    : Metric.count(actual(indicator), indicator.label()));
            metrics.add(Metric.count(target(indicator), indicator.label() + " (Ziel)"));
        }
        return metrics;
    }

    @Override
    public List<Dimension> dimensions() {
        return List.of(Dimension.PROGRAM, Dimension.BLOCK, Dimension.SITE, Dimension.REGIERUNGSBEZIRK, Dimension.BUDGET_YEAR);
    }

    /**
     * The people among the indicators are {@link Metric#peopleNotPublished}: they count the same activities as
     * {@code measure=activities}, cut by block and measure instead of month and focus area, and two cuts of the same
     * people rounded each on their own could be set against each other. Shown only as 0 or withheld, they depend on
     * nothing but whether a sum is zero, so the exact sums serve every caller.
     */
    @Override
    public Aggregation aggregate(Dimension groupBy, Optional<Period> period, Suppression suppression) {
        if (!dimensions().contains(groupBy)) {
            throw new IllegalArgumentException("measure " + NAME + " cannot be grouped by " + groupBy);
        }
        Map<String, Tally> rows = new TreeMap<>();
        Tally total = new Tally();
        String today = NetworkTime.today(clock).toString();
        for (ProgramFigures.GrantRow grant : model.grants()) {
            if ("REJECTED".equals(grant.status()) || !within(grant.budgetYear(), period)) {
                continue;
            }
            for (Tally tally : List.of(rows.computeIfAbsent(key(groupBy, grant.siteId(), grant.program(), grant.block(),
                    grant.budgetYear()), k -> new Tally()), total)) {
                tally.add(grant, today);
            }
        }
        for (ProgramFigures.ChangeRow change : model.changes()) {
            if (!within(change.budgetYear(), period)) {
                continue;
            }
            Tally row = rows.computeIfAbsent(key(groupBy, change.siteId(), change.program(), change.block(),
                    change.budgetYear()), k -> new Tally());
            change.changes().forEach((indicator, value) -> {
                row.actuals.merge(indicator, value, Long::sum);
                total.actuals.merge(indicator, value, Long::sum);
            });
        }
        for (ProgramFigures.MeasureRow measure : model.measures()) {
            for (int year = measure.fromYear(); year <= measure.toYear(); year++) {
                if (!within(year, period)) {
                    continue;
                }
                Tally row = rows.computeIfAbsent(key(groupBy, measure.siteId(), measure.program(), measure.block(), year),
                        k -> new Tally());
                measure.targets().forEach((indicator, value) -> {
                    row.targets.merge(indicator, value, Long::sum);
                    total.targets.merge(indicator, value, Long::sum);
                });
            }
        }
        List<AggregateRow> result = new ArrayList<>();
        rows.entrySet().stream().sorted(Comparator.comparing(Map.Entry::getKey))
                .forEach(e -> result.add(new AggregateRow(e.getKey(), label(groupBy, e.getKey()), values(e.getValue()))));
        return new Aggregation(result, values(total));
    }

    /** What one row adds up; money in cents. */
    private static final class Tally {
        long grants;
        long granted;
        long disbursed;
        long spent;
        long repayments;
        long proofsOpen;
        long proofsOverdue;
        final Map<String, Long> actuals = new LinkedHashMap<>();
        final Map<String, Long> targets = new LinkedHashMap<>();

        void add(ProgramFigures.GrantRow grant, String today) {
            grants++;
            granted += grant.grantedCents();
            disbursed += grant.disbursedCents();
            spent += grant.spentCents();
            repayments += grant.repaymentCents();
            boolean approved = "APPROVED".equals(grant.status());
            boolean pending = !"ACCEPTED".equals(grant.proofStatus()) && !"SUBMITTED".equals(grant.proofStatus());
            if (approved && !"ACCEPTED".equals(grant.proofStatus())) {
                proofsOpen++;
            }
            if (approved && pending && grant.proofDue() != null && !grant.proofDue().isEmpty()
                    && grant.proofDue().compareTo(today) < 0) {
                proofsOverdue++;
            }
        }
    }

    /**
     * The finest cell, as the feed, the live stream and {@code laki.aggregates.v1} announce it: one site's programme
     * (block) in one budget year, exact (the feed is suppressed per caller when it is read). Every metric but
     * {@code proofsOverdue}, which changes with the calendar rather than with a fact and so would go stale on a
     * stream that only speaks when facts arrive; the aggregates answer it for the day they are asked.
     *
     * @param block null for the programme as a whole
     */
    public Map<String, CellValue> cell(String siteId, String program, String block, int budgetYear) {
        Tally tally = new Tally();
        String today = NetworkTime.today(clock).toString();
        for (ProgramFigures.GrantRow grant : model.grants(siteId)) {
            if (!"REJECTED".equals(grant.status()) && sameCell(grant.program(), grant.block(), grant.budgetYear(), program,
                    block, budgetYear)) {
                tally.add(grant, today);
            }
        }
        for (ProgramFigures.ChangeRow change : model.changes(siteId, budgetYear)) {
            if (sameCell(change.program(), change.block(), change.budgetYear(), program, block, budgetYear)) {
                change.changes().forEach((indicator, value) -> tally.actuals.merge(indicator, value, Long::sum));
            }
        }
        for (ProgramFigures.MeasureRow measure : model.measures(siteId)) {
            if (measure.program().equals(program) && Objects.equals(measure.block(), block)
                    && measure.fromYear() <= budgetYear && budgetYear <= measure.toYear()) {
                measure.targets().forEach((indicator, value) -> tally.targets.merge(indicator, value, Long::sum));
            }
        }
        Map<String, CellValue> values = values(tally);
        values.remove(PROOFS_OVERDUE.name());
        return values;
    }

    private static boolean sameCell(String program, String block, int year, String cellProgram, String cellBlock, int cellYear) {
        return year == cellYear && program.equals(cellProgram) && Objects.equals(block, cellBlock);
    }

    private Map<String, CellValue> values(Tally tally) {
        Map<String, CellValue> values = new LinkedHashMap<>();
        values.put(GRANTS.name(), CellValue.of(tally.grants));
        values.put(GRANTED.name(), CellValue.of(BigDecimal.valueOf(tally.granted, 2)));
        values.put(DISBURSED.name(), CellValue.of(BigDecimal.valueOf(tally.disbursed, 2)));
        values.put(SPENT.name(), CellValue.of(BigDecimal.valueOf(tally.spent, 2)));
        values.put(REPAYMENTS.name(), CellValue.of(BigDecimal.valueOf(tally.repayments, 2)));
        values.put(UTILISATION.name(), CellValue.of(tally.granted == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(tally.disbursed).divide(BigDecimal.valueOf(tally.granted), 2, RoundingMode.HALF_UP)));
        values.put(PROOFS_OPEN.name(), CellValue.of(tally.proofsOpen));
        values.put(PROOFS_OVERDUE.name(), CellValue.of(tally.proofsOverdue));
        for (Indicator indicator : Indicator.values()) {
            values.put(actual(indicator), CellValue.of(Math.max(0, tally.actuals.getOrDefault(indicator.name(), 0L))));
            values.put(target(indicator), CellValue.of(tally.targets.getOrDefault(indicator.name(), 0L)));
        }
        return values;
    }

    private static boolean within(int budgetYear, Optional<Period> period) {
        return period.isEmpty() || (budgetYear >= period.get().start().getYear() && budgetYear <= period.get().end().getYear());
    }

    private static String key(Dimension groupBy, String siteId, String program, String block, int year) {
        return switch (groupBy) {
            case SITE -> siteId;
            case REGIERUNGSBEZIRK -> KiSites.find(SiteId.of(siteId)).map(s -> s.regierungsbezirk().code()).orElse(NONE);
            case PROGRAM -> program;
            case BLOCK -> block == null ? program : program + "/" + block;
            case BUDGET_YEAR -> Integer.toString(year);
            default -> throw new IllegalArgumentException("measure " + NAME + " cannot be grouped by " + groupBy);
        };
    }

    private static String label(Dimension groupBy, String key) {
        return switch (groupBy) {
            case SITE -> KiSites.find(SiteId.of(key)).map(KiSiteReference::name).orElse(key);
            case REGIERUNGSBEZIRK -> KiSites.all().stream().map(KiSiteReference::regierungsbezirk)
                    .filter(rb -> rb.code().equals(key)).findFirst().map(rb -> rb.label()).orElse(key);
            case PROGRAM -> Program.valueOf(key).label();
            case BLOCK -> key.contains("/") ? Program.valueOf(key.substring(0, key.indexOf('/'))).label() + " – Block "
                    + key.substring(key.indexOf('/') + 1) + " " + Program.Block.valueOf(key.substring(key.indexOf('/') + 1)).label()
                    : Program.valueOf(key).label();
            default -> key;
        };
    }

    private static String actual(Indicator indicator) {
        return camel(indicator.name());
    }

    private static String target(Indicator indicator) {
        return camel(indicator.name()) + "Target";
    }

    private static String camel(String code) {
        StringBuilder name = new StringBuilder();
        for (String part : code.toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }
}
