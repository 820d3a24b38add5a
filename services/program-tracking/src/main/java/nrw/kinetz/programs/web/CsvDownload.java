package nrw.kinetz.programs.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import nrw.kinetz.infra.csv.CsvWriter;
import nrw.kinetz.model.Money;

/**
 * Serves a file written by service-support's {@link CsvWriter} (UTF-8 with BOM, {@code ;}, decimal comma, ISO
 * dates, guarded against formula injection) as a download; the cells of this service come in here.
 */
public final class CsvDownload {

    private CsvDownload() {
    }

    /** @return euros with a decimal comma and two decimals, e.g. {@code 15000,00}; empty for null */
    public static String money(Money money) {
        return money == null ? "" : CsvWriter.decimal(money.euros());
    }

    /** @return the value as text; null (an empty cell) for null */
    public static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public static ResponseEntity<byte[]> of(CsvWriter csv, String filename, HttpHeaders headers) {
        HttpHeaders all = new HttpHeaders();
        all.addAll(headers);
        all.setContentDisposition(ContentDisposition.attachment().filename(filename).build());
        return ResponseEntity.ok().headers(all).contentType(MediaType.parseMediaType(CsvWriter.MEDIA_TYPE))
                .body(csv.toBytes());
    }
}
