package nrw.kinetz.intake.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

class MessagesTests {

    @Test
    void germanForAGermanLocaleEnglishForAnyOther() {
        assertThat(Messages.choose(null, Map.of("LANG", "de_DE.UTF-8")::get)).isEqualTo(Locale.GERMAN);
        assertThat(Messages.choose(null, Map.of("LC_MESSAGES", "de_CH", "LANG", "fr_FR")::get)).isEqualTo(Locale.GERMAN);
        assertThat(Messages.choose(null, Map.of("LC_ALL", "C", "LANG", "de_DE")::get)).as("LC_ALL wins").isEqualTo(Locale.ENGLISH);
        assertThat(Messages.choose(null, Map.of("LANG", "fr_FR.UTF-8")::get)).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.choose(null, Map.<String, String>of()::get)).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.choose("de", Map.of("LANG", "en_US")::get)).isEqualTo(Locale.GERMAN);
        assertThat(Messages.choose("en", Map.of("LANG", "de_DE")::get)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void everyEnglishTextHasAGermanOne() throws IOException {
        ResourceBundle english = Messages.in(Locale.ENGLISH).bundle();
        Properties german = new Properties();
        try (var in = new InputStreamReader(Messages.class.getResourceAsStream("messages_de.properties"), StandardCharsets.UTF_8)) {
            german.load(in);
        }

        assertThat(english.keySet()).isNotEmpty().allSatisfy(key -> assertThat(german).as(key).containsKey(key));
    }
}
