package nrw.kinetz.infra.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CsvWriterTests {

    @Test
    void writesUtf8WithBomSemicolonsAndCrlf() {
        byte[] file = new CsvWriter().row("Schlüssel", "Bezeichnung").row("05974", "Kreis Soest").toBytes();

        assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo("\uFEFFSchlüssel;Bezeichnung\r\n05974;Kreis Soest\r\n");
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
    }

    @Test
    void writesDecimalCommaIsoDatesAndTheSuppressionSign() {
        String csv = new CsvWriter().row(CsvWriter.decimal(new BigDecimal("15000.50")), CsvWriter.date(LocalDate.of(2026, 7, 1)),
                CsvWriter.SUPPRESSED, CsvWriter.decimal(null), CsvWriter.date(null), null).toString();

        assertThat(csv).isEqualTo("\uFEFF15000,50;2026-07-01;.;;;\r\n");
    }

    @Test
    void quotesOnlyCellsWithASeparatorAQuoteOrALineBreak() {
        String csv = new CsvWriter().row("Kreis \"Soest\"; Süd", "two\nlines", "plain").toString();

        assertThat(csv).isEqualTo("\uFEFF\"Kreis \"\"Soest\"\"; Süd\";\"two\nlines\";plain\r\n");
    }

    @Test
    void disarmsEveryCellASpreadsheetWouldRunAsAFormula() {
        String csv = new CsvWriter().row("=HYPERLINK(\"x\")", "+49 2921 30-0", "-1+1", "@SUM(A1)", "\tx").toString();

        assertThat(csv).isEqualTo("\uFEFF\"'=HYPERLINK(\"\"x\"\")\";'+49 2921 30-0;'-1+1;'@SUM(A1);'\tx\r\n");
    }

    @Test
    void leavesPlainNegativeNumbersAlone() {
        assertThat(new CsvWriter().row("-3", "-1,50").toString()).isEqualTo("\uFEFF-3;-1,50\r\n");
    }
}
