package nrw.kinetz.reporting.publication.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code kinetz.opendata.*} as Spring binds it: the defaults, an address of one's own, and what is refused. */
class OpenDataPropertiesTests {

    @Test
    void withoutSettingsTheCatalogNamesTheLakiAndTheMailboxOfItsBezirksregierung() {
        OpenDataProperties properties = bind(Map.of());

        assertThat(properties.publisher()).isEqualTo("Landesweite Koordinierungsstelle Kommunale Integrationszentren (LaKI)");
        assertThat(properties.contactEmail()).isEqualTo("poststelle@bra.nrw.de");
    }

    @Test
    void anOperatorNamesItsOwnPublisherAndMailbox() {
        OpenDataProperties properties = bind(Map.of("kinetz.opendata.publisher", "MKJFGFI NRW",
                "kinetz.opendata.contact-email", " opendata@mkjfgfi.nrw.de "));

        assertThat(properties.publisher()).isEqualTo("MKJFGFI NRW");
        assertThat(properties.contactEmail()).isEqualTo("opendata@mkjfgfi.nrw.de");
    }

    @Test
    void aBlankAddressFallsBackToTheDefault() {
        assertThat(bind(Map.of("kinetz.opendata.contact-email", " ")).contactEmail()).isEqualTo("poststelle@bra.nrw.de");
    }

    @Test
    void somethingThatIsNoAddressStopsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("kinetz.opendata.contact-email", "LaKI Dortmund")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("'LaKI Dortmund' is not an e-mail address");
        assertThatThrownBy(() -> bind(Map.of("kinetz.opendata.contact-email", "laki@localhost")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("is not an e-mail address");
    }

    @Test
    void aPlaceholderAtAReservedDomainStopsTheStart() {
        for (String placeholder : new String[] {"laki@ki-netz.nrw.example", "daten@example.org", "a@b.test", "x@EXAMPLE.COM"}) {
            assertThatThrownBy(() -> bind(Map.of("kinetz.opendata.contact-email", placeholder))).as(placeholder)
                    .isInstanceOf(BindException.class).rootCause().hasMessageContaining("reserved domain");
        }
    }

    private static OpenDataProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("kinetz.opendata", OpenDataProperties.class);
    }
}
