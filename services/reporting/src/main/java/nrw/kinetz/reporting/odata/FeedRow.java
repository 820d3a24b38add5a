package nrw.kinetz.reporting.odata;

import java.util.Map;

import nrw.kinetz.reporting.aggregate.CellValue;

/**
 * One row of an aggregate entity set: one row of the aggregates API's answer for one period.
 *
 * @param period     {@link FeedPeriods#ALL_TIME} or a period's canonical spelling
 * @param periodType gesamt, Jahr, Quartal or Monat
 * @param key        the group's code, as the aggregates API names it
 * @param label      the group's German name
 * @param values     what the caller is shown, metric by metric: withheld cells stay {@link CellValue#SUPPRESSED}
 */
public record FeedRow(String period, String periodType, String key, String label, Map<String, CellValue> values) {
}
