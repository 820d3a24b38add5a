package nrw.kinetz.programs.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import nrw.kinetz.model.Money;

/**
 * Lists for spreadsheets: UTF-8 with BOM so that Excel reads umlauts, {@code ;} as separator, decimal comma,
 * ISO dates, a suppressed count as {@code .}; text a spreadsheet would run as a formula gets a leading apostrophe.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private final StringBuilder text = new StringBuilder("\uFEFF");

    public Csv(List<String> header) {
        line(header);
    }

    public Csv line(List<String> cells) {
        text.append(cells.stream().map(Csv::cell).collect(Collectors.joining(";"))).append("\r\n");
        return this;
    }

    public static String money(Money money) {
        return money == null ? "" : money.toString().replace('.', ',');
    }

    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    public ResponseEntity<byte[]> response(String filename, HttpHeaders headers) {
        HttpHeaders all = new HttpHeaders();
        all.addAll(headers);
        all.setContentDisposition(ContentDisposition.attachment().filename(filename).build());
        return ResponseEntity.ok().headers(all).contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String cell(String raw) {
        String value = !raw.isEmpty() && "=+-@\t\r".indexOf(raw.charAt(0)) >= 0 ? "'" + raw : raw;
        if (value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
