package nrw.kinetz.sites.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.site.Contact;
import nrw.kinetz.model.site.PostalAddress;
import nrw.kinetz.sites.site.domain.Site;
import nrw.kinetz.sites.site.domain.SiteIdentity;

class SiteCsvTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    @Test
    void writesUtf8WithBomSemicolonsDecimalCommaAndIsoDates() {
        Site site = Site.register(new SiteIdentity(SiteId.of("05974"), "Kreis Soest", TerritoryKind.KREIS, 301_902),
                SiteStatus.DECIDED, LocalDate.of(2011, 11, 8), TODAY).site();

        String csv = new String(SiteCsv.write(List.of(new StoredSite(site, 3))), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFKI;Name;Gebietsart;");
        assertThat(csv.lines().toList().get(1)).isEqualTo(
                "05974;Kreis Soest;KREIS;ARNSBERG;05974;301902;DECIDED;2011-11-08;2011-11-08;;;;;5,5;;;;;;;;;3");
    }

    @Test
    void quotesCellsWithSeparatorsAndDisarmsFormulas() {
        Site site = Site.register(new SiteIdentity(SiteId.of("05974"), "Kreis \"Soest\"; Süd", TerritoryKind.KREIS, 1),
                SiteStatus.DECIDED, TODAY, TODAY).site()
                .changeContact(new Contact(new PostalAddress("Hoher Weg 1", "59494", "Soest"), "ki@soest.example",
                        "+49 2921 30-0", "=HYPERLINK(\"x\")")).site();

        String line = new String(SiteCsv.write(List.of(new StoredSite(site, 1))), StandardCharsets.UTF_8).lines().toList().get(1);

        assertThat(line).contains(";\"Kreis \"\"Soest\"\"; Süd\";").contains(";'+49 2921 30-0;").contains(";\"'=HYPERLINK(\"\"x\"\")\";");
    }
}
