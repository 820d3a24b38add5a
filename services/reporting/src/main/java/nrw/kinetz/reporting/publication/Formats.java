package nrw.kinetz.reporting.publication;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import nrw.kinetz.reporting.aggregate.CellValue;

/** German number forms of the annual report, with the signs of official statistics. */
public final class Formats {

    /** "Zahlenwert unbekannt oder geheim zu halten": a withheld count of people. */
    public static final String WITHHELD = ".";
    /** "nichts vorhanden": no base for a change or a rate. */
    public static final String NONE = "–";

    private Formats() {
    }

    /** e.g. {@code 1.234}, {@code 15.000,00}, {@code .} */
    public static String figure(CellValue value) {
        if (value instanceof CellValue.Count count) {
            return decimal(BigDecimal.valueOf(count.value()), 0);
        }
        if (value instanceof CellValue.Amount amount) {
            return decimal(amount.value(), 2);
        }
        return value == null ? NONE : WITHHELD;
    }

    /** The value as the API writes it, e.g. {@code 12}, {@code 15000.00}, {@code suppressed}. */
    public static String raw(CellValue value) {
        if (value instanceof CellValue.Count count) {
            return Long.toString(count.value());
        }
        if (value instanceof CellValue.Amount amount) {
            return amount.text();
        }
        return value == null ? "" : "suppressed";
    }

    static String decimal(BigDecimal value, int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.GERMANY));
        return format.format(value);
    }
}
