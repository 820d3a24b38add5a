package nrw.kinetz.reporting.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.api.uri.URIBuilder;

import nrw.kinetz.reporting.ReportingHttp;
import nrw.kinetz.reporting.disclosure.DisclosureAttack.Moment;
import nrw.kinetz.reporting.disclosure.DisclosureAttack.Question;
import nrw.kinetz.reporting.disclosure.DisclosureAttack.Table;
import nrw.kinetz.reporting.odata.ODataClientSupport;

/**
 * The OData feed as an attacker reads it, with Olingo's client as Excel would: every activities entity set per
 * period, the same rows again through query options chosen to try differencing — all periods in one ordered read
 * cut into small pages, one group alone and all the others, {@code $count} of rows whose people counts meet a
 * condition, {@code $top}/{@code $skip} windows, server-side sums ({@code $apply}) — and every row it sees goes into
 * what the attacker knows. A withheld cell is {@code null} with {@code KiNetz.withheld}.
 */
final class ODataSurface {

    private static final String SURFACE = "odata";
    private static final String ALL_TIME = "gesamt";

    /** A condition on one people count, as {@code $filter} says it and as it holds on a shown value. */
    private record Condition(String metric, String filter, Predicate<Long> holds) {
    }

    private static final List<Condition> CONDITIONS = List.of(
            new Condition("participants", "participants eq null or participants eq 3", v -> v == null || v == 3),
            new Condition("volunteers", "not (volunteers eq 0 or volunteers eq null) and volunteers le 4", v -> v != null && v != 0 && v <= 4));

    private final ODataClientSupport odata;
    private final ReportingHttp http;
    private final DisclosureAttack attack;

    ODataSurface(int port, DisclosureAttack attack) {
        this.odata = new ODataClientSupport(port);
        this.http = new ReportingHttp(port);
        this.attack = attack;
    }

    /**
     * @param probes the groupings whose rows are also counted under conditions on their people counts, each with the
     *               group read alone and left out
     */
    void read(Moment moment, List<String> groupings, List<String> periods, Map<String, String> probes) {
        for (String grouping : groupings) {
            String set = entitySet(grouping);
            for (String period : periods) {
                List<ClientEntity> rows = odata.all(filtered(set, periodIs(period)).build(), null);
                attack.asked(SURFACE);
                Table plain = table(moment, rows);
                attack.learn(moment, SURFACE + " by period", question(grouping, period), plain);
                String probe = probes.get(grouping);
                if (probe != null) {
                    counts(moment, set, grouping, period, plain);
                    oneAndTheOthers(moment, set, grouping, period, probe);
                }
            }
            pagedInOneRead(moment, set, grouping, periods);
        }
        windows(moment, groupings.get(0), periods.get(0));
        aggregationIsRefused(moment);
    }

    /** Every period at once, ordered by a people count, in pages of 37 rows: each row once, the same values. */
    private void pagedInOneRead(Moment moment, String set, String grouping, List<String> periods) {
        String anyPeriod = String.join(" or ", periods.stream().map(ODataSurface::periodIs).toList());
        URI uri = filtered(set, anyPeriod).orderBy("participants desc,volunteers,key").count(true).build();
        List<Integer> pages = new ArrayList<>();
        List<ClientEntity> rows = odata.all(uri, pages, "Prefer", "odata.maxpagesize=37");
        pages.forEach(page -> attack.asked(SURFACE));
        Set<String> seen = new LinkedHashSet<>();
        Map<String, List<ClientEntity>> byPeriod = new LinkedHashMap<>();
        for (ClientEntity row : rows) {
            String period = ODataClientSupport.text(row, "period");
            if (!seen.add(period + "/" + ODataClientSupport.text(row, "key"))) {
                attack.found("paging shows a row twice", moment.label + ": " + set + " " + period + " " + ODataClientSupport.text(row, "key"));
            }
            byPeriod.computeIfAbsent(period, p -> new ArrayList<>()).add(row);
        }
        byPeriod.forEach((period, part) -> attack.learn(moment, SURFACE + " paged", question(grouping, fromFeed(period)), table(moment, part)));
        periods.forEach(period -> {
            Table plain = moment.table(question(grouping, period));
            long expected = plain.rows().keySet().stream().filter(row -> !row.isEmpty()).count();
            assertThat(byPeriod.getOrDefault(toFeed(period), List.of())).as(set + " " + period + " in pages").hasSize((int) expected);
        });
    }

    /** The group alone, and all groups but it with {@code $count}: both must be rows of the plain read. */
    private void oneAndTheOthers(Moment moment, String set, String grouping, String period, String key) {
        URIBuilder alone = filtered(set, periodIs(period) + " and key eq '" + key + "'")
                .select("period", "key", "activities", "participants", "volunteers");
        attack.learn(moment, SURFACE + " one group", question(grouping, period), table(moment, odata.all(alone.build(), null)));
        URIBuilder others = filtered(set, periodIs(period) + " and not (key eq '" + key + "')")
                .select("period", "key", "activities", "participants", "volunteers").count(true);
        ClientEntitySet page = odata.page(others.build());
        attack.asked(SURFACE);
        attack.asked(SURFACE);
        attack.learn(moment, SURFACE + " all other groups", question(grouping, period), table(moment, page.getEntities()));
        long shownRows = moment.table(question(grouping, period)).rows().keySet().stream().filter(r -> !r.isEmpty()).count();
        if (page.getCount() != null && page.getCount() != shownRows - 1) {
            attack.found("a count says more than the rows", moment.label + ": " + set + " " + period + " all but " + key + " counted "
                    + page.getCount() + " of " + shownRows + " rows");
        }
    }

    /**
     * Conditions on the people counts, counted by the service: every count must be what the condition gives on the
     * shown rows, or a filter would see behind a withheld or rounded cell.
     */
    private void counts(Moment moment, String set, String grouping, String period, Table plain) {
        for (Condition condition : CONDITIONS) {
            long expected = plain.rows().entrySet().stream().filter(e -> !e.getKey().isEmpty())
                    .filter(e -> condition.holds().test(e.getValue().get(condition.metric()))).count();
            String filter = periodIs(period) + " and (" + condition.filter() + ")";
            HttpResponse<String> count = http.get("/odata/v4/" + set + "/$count?$filter=" + encode(filter), "Accept", "text/plain");
            attack.asked(SURFACE);
            assertThat(count.statusCode()).as(filter + ": " + count.body()).isEqualTo(200);
            if (Long.parseLong(count.body().strip()) != expected) {
                attack.found("a count says more than the rows", moment.label + ": " + set + "/$count " + filter + " = " + count.body()
                        + ", the shown rows give " + expected);
            }
        }
    }

    /** Sliding {@code $top}/{@code $skip} windows over one period, ordered by a people count. */
    private void windows(Moment moment, String grouping, String period) {
        for (int skip = 0; skip < 12; skip += 3) {
            URI uri = filtered(entitySet(grouping), periodIs(period)).orderBy("volunteers desc,participants,key").skip(skip).top(4).build();
            attack.asked(SURFACE);
            attack.learn(moment, SURFACE + " window", question(grouping, period), table(moment, odata.page(uri).getEntities()));
        }
    }

    /** Sums on the server would combine cells below the grain the rule looks at: they must be refused. */
    private void aggregationIsRefused(Moment moment) {
        for (String apply : List.of("aggregate(participants with sum as total)", "groupby((period),aggregate(volunteers with sum as total))",
                "filter(key eq '05974')/aggregate(participants with sum as total)")) {
            HttpResponse<String> response = http.get("/odata/v4/ActivitiesBySite?$apply=" + encode(apply), "Accept", "application/json");
            attack.asked(SURFACE);
            if (response.statusCode() != 400) {
                attack.found("the feed aggregates on the server", moment.label + ": $apply=" + apply + " -> " + response.statusCode() + " "
                        + response.body());
            }
        }
    }

    /** The shown rows: whole numbers only, a withheld cell as {@code null}, which must carry its annotation. */
    private Table table(Moment moment, List<ClientEntity> rows) {
        Map<String, Map<String, Long>> table = new LinkedHashMap<>();
        for (ClientEntity row : rows) {
            Map<String, Long> values = new LinkedHashMap<>();
            row.getProperties().forEach(property -> {
                String name = property.getName();
                Object value = ODataClientSupport.value(row, name);
                if (value instanceof Long number) {
                    values.put(name, number);
                } else if (value == null && !List.of("period", "periodType", "key", "label").contains(name)) {
                    if (!ODataClientSupport.withheld(row, name)) {
                        attack.found("a null without KiNetz.withheld", moment.label + ": " + ODataClientSupport.text(row, "key") + " " + name);
                    }
                    values.put(name, null);
                }
            });
            table.put(ODataClientSupport.text(row, "key"), values);
        }
        return new Table(table);
    }

    private URIBuilder filtered(String set, String filter) {
        return odata.client.newURIBuilder(odata.root).appendEntitySetSegment(set).filter(filter);
    }

    static String entitySet(String grouping) {
        return "ActivitiesBy" + Character.toUpperCase(grouping.charAt(0)) + grouping.substring(1);
    }

    private static Question question(String grouping, String period) {
        return new Question("activities", grouping, period);
    }

    private static String periodIs(String period) {
        return "period eq '" + toFeed(period) + "'";
    }

    private static String toFeed(String period) {
        return period.isEmpty() ? ALL_TIME : period;
    }

    private static String fromFeed(String period) {
        return ALL_TIME.equals(period) ? "" : period;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
