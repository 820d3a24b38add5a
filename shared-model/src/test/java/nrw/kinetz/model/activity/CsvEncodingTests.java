package nrw.kinetz.model.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvEncodingTests {

    private static final String TEXT = "KI;Datum;Notiz\n05974;2026-03-02;Elterncafé Bürgerhaus – „Grüße“ für 5 €\n";

    @Test
    void utf8WithAndWithoutByteOrderMarkIsUtf8() {
        byte[] plain = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8);

        assertThat(CsvEncoding.detect(plain)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvEncoding.detect(withBom)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvEncoding.decode(withBom, StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + TEXT);
    }

    @Test
    void germanExcelsWindows1252IsDetectedAndReadExactly() {
        byte[] excel = TEXT.getBytes(CsvEncoding.WINDOWS_1252);

        Charset detected = CsvEncoding.detect(excel);

        assertThat(detected).isEqualTo(CsvEncoding.WINDOWS_1252);
        assertThat(CsvEncoding.decode(excel, detected)).isEqualTo(TEXT).contains("Elterncafé Bürgerhaus");
    }

    @Test
    void aLargeFileIsDetectedStreamingAlsoWhenTheOnlyUmlautIsFarBehindTheStart(@TempDir Path dir) throws Exception {
        String ascii = "05974;2026-03-02;Beratung\n".repeat(10_000);
        Path utf8 = Files.write(dir.resolve("utf8.csv"), (ascii + "05974;2026-03-03;Grüße\n").getBytes(StandardCharsets.UTF_8));
        Path cp1252 = Files.write(dir.resolve("excel.csv"), (ascii + "05974;2026-03-03;Grüße\n").getBytes(CsvEncoding.WINDOWS_1252));

        assertThat(CsvEncoding.detect(utf8)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvEncoding.detect(cp1252)).isEqualTo(CsvEncoding.WINDOWS_1252);
    }

    @Test
    void utf16AndBytesUndefinedEverywhereAreRefusedWithTheReason() {
        assertThatThrownBy(() -> CsvEncoding.detect(TEXT.getBytes(StandardCharsets.UTF_16)))
                .isInstanceOf(CsvEncoding.UnreadableTextException.class).hasMessageContaining("UTF-16");
        assertThatThrownBy(() -> CsvEncoding.detect(TEXT.getBytes(StandardCharsets.UTF_16LE)))
                .isInstanceOf(CsvEncoding.UnreadableTextException.class).hasMessageContaining("NUL");
        byte[] undefined = {'a', ';', (byte) 0x81, (byte) 0xFC, '\n'};
        assertThatThrownBy(() -> CsvEncoding.detect(undefined))
                .isInstanceOf(CsvEncoding.UnreadableTextException.class).hasMessageContaining("offset 2");
    }

    @Test
    void aDeclaredCharsetIsHonouredAndTextInvalidInItRefused() {
        byte[] excel = TEXT.getBytes(CsvEncoding.WINDOWS_1252);

        assertThat(CsvEncoding.decode(excel, CsvEncoding.declared("windows-1252"))).isEqualTo(TEXT);
        assertThatThrownBy(() -> CsvEncoding.decode(excel, CsvEncoding.declared("UTF-8")))
                .isInstanceOf(CsvEncoding.UnreadableTextException.class).hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("0xE9");
        assertThatThrownBy(() -> CsvEncoding.declared("EBCDIC-XYZ"))
                .isInstanceOf(CsvEncoding.UnreadableTextException.class).hasMessageContaining("not supported");
        assertThatThrownBy(() -> CsvEncoding.declared("UTF-16"))
                .isInstanceOf(CsvEncoding.UnreadableTextException.class).hasMessageContaining("not supported");
    }
}
