package nrw.kinetz.model.reference;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.StringReader;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.DistrictKey;
import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.TerritoryKind;

class KiSitesTests {

    private static final String HEADER = "ags,name,type,regierungsbezirk,population_2018\n";

    @Test
    void thereAreExactly54Sites() {
        assertThat(KiSites.all()).hasSize(54);
        assertThat(KiSites.all()).extracting(KiSiteReference::siteId).doesNotHaveDuplicates();
    }

    @Test
    void theSitesCover53DistinctDistricts() {
        assertThat(KiSites.all().stream().map(KiSiteReference::districtKey).distinct()).hasSize(53);
    }

    @Test
    void sitesPerRegierungsbezirkMatchTheOfficialCounts() {
        Map<Regierungsbezirk, Long> perRegion = KiSites.all().stream()
                .collect(groupingBy(KiSiteReference::regierungsbezirk, counting()));

        assertThat(perRegion).containsOnly(
                entry(Regierungsbezirk.DUESSELDORF, 15L),
                entry(Regierungsbezirk.KOELN, 12L),
                entry(Regierungsbezirk.MUENSTER, 8L),
                entry(Regierungsbezirk.DETMOLD, 7L),
                entry(Regierungsbezirk.ARNSBERG, 12L));
    }

    @Test
    void sitesPerTerritoryKindMatchTheOfficialCounts() {
        Map<TerritoryKind, Long> perKind = KiSites.all().stream()
                .collect(groupingBy(KiSiteReference::territoryKind, counting()));

        assertThat(perKind).containsOnly(
                entry(TerritoryKind.KREISFREIE_STADT, 22L),
                entry(TerritoryKind.KREIS, 30L),
                entry(TerritoryKind.STAEDTEREGION, 1L),
                entry(TerritoryKind.STADT_IN_STAEDTEREGION, 1L));
    }

    @Test
    void theCityOfAachenIsASiteOfItsOwnInsideTheStaedteregion() {
        KiSiteReference city = KiSites.get(SiteId.AACHEN_CITY);

        assertThat(city).isEqualTo(new KiSiteReference(SiteId.of("05334002"), "Stadt Aachen",
                TerritoryKind.STADT_IN_STAEDTEREGION, Regierungsbezirk.KOELN, DistrictKey.of("05334"), 247_380));
        assertThat(KiSites.get(SiteId.of("05334")).name()).isEqualTo("Städteregion Aachen");
        assertThat(KiSites.get(SiteId.of("05334")).territoryKind()).isEqualTo(TerritoryKind.STAEDTEREGION);
    }

    @Test
    void aDistrictSiteCarriesTheRowOfTheReferenceFile() {
        assertThat(KiSites.get(SiteId.of("05974"))).isEqualTo(new KiSiteReference(SiteId.of("05974"), "Kreis Soest",
                TerritoryKind.KREIS, Regierungsbezirk.ARNSBERG, DistrictKey.of("05974"), 301_902));
        assertThat(KiSites.get(SiteId.of("05117")).name()).isEqualTo("Mülheim an der Ruhr");
    }

    @Test
    void theDistrictPopulationsAddUpToNrwWithoutCountingAachenTwice() {
        long districts = KiSites.all().stream().filter(site -> !site.siteId().isMunicipality())
                .mapToLong(KiSiteReference::population).sum();

        assertThat(districts).isEqualTo(17_932_651L);
    }

    @Test
    void everySiteLiesInTheRegionOfItsKey() {
        assertThat(KiSites.all()).allSatisfy(site -> {
            assertThat(site.regierungsbezirk()).isEqualTo(site.districtKey().regierungsbezirk());
            assertThat(site.siteId().districtKey()).isEqualTo(site.districtKey());
        });
    }

    @Test
    void sitesAreOrderedBySiteIdWithTheCityRightAfterItsStaedteregion() {
        List<KiSiteReference> all = KiSites.all();

        assertThat(all).isSortedAccordingTo(Comparator.comparing(site -> site.siteId().value()));
        assertThat(all.get(0).siteId()).isEqualTo(SiteId.of("05111"));
        int region = all.indexOf(KiSites.get(SiteId.of("05334")));
        assertThat(all.get(region + 1).siteId()).isEqualTo(SiteId.AACHEN_CITY);
    }

    @Test
    void theListCannotBeChanged() {
        assertThatThrownBy(() -> KiSites.all().remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(KiSites.all()).hasSize(54);
    }

    @Test
    void theListIsLoadedOnce() {
        assertThat(KiSites.all()).isSameAs(KiSites.all());
    }

    @Test
    void findOfAnUnknownIdIsEmpty() {
        assertThat(KiSites.find(SiteId.of("05999"))).isEmpty();
        assertThat(KiSites.find(SiteId.of("05118"))).isEmpty();
    }

    @Test
    void findOfAKnownIdReturnsTheSite() {
        assertThat(KiSites.find(SiteId.of("05315"))).get().extracting(KiSiteReference::name).isEqualTo("Köln");
    }

    @Test
    void getOfAnUnknownIdNamesTheId() {
        assertThatThrownBy(() -> KiSites.get(SiteId.of("05999")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("unknown KI site '05999': not one of the 54 KI sites of NRW")
                .extracting(e -> ((InvalidValueException) e).value()).isEqualTo("05999");
    }

    @Test
    void aRegierungsbezirkColumnThatContradictsTheKeyFailsLoudly() {
        String csv = HEADER + "05111,Düsseldorf,KREISFREIE_STADT,Düsseldorf,619294\n"
                + "05112,Duisburg,KREISFREIE_STADT,Köln,498590\n";

        assertThatThrownBy(() -> KiSites.readDistricts(new StringReader(csv), "test.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("test.csv line 3: Regierungsbezirk column says Köln, but key 05112 belongs to Düsseldorf");
    }

    @Test
    void aDistrictListedTwiceFailsLoudly() {
        String csv = HEADER + "05111,Düsseldorf,KREISFREIE_STADT,Düsseldorf,619294\n"
                + "05111,Düsseldorf,KREISFREIE_STADT,Düsseldorf,619294\n";

        assertThatThrownBy(() -> KiSites.readDistricts(new StringReader(csv), "test.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("test.csv line 3: district 05111 is listed twice");
    }

    @Test
    void aMalformedRowFailsLoudlyNamingItsLine() {
        String csv = HEADER + "0511,Düsseldorf,KREISFREIE_STADT,Düsseldorf,619294\n";

        assertThatThrownBy(() -> KiSites.readDistricts(new StringReader(csv), "test.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("test.csv line 2: '0511' is not a district key");
    }

    @Test
    void aRowWithMissingColumnsFailsLoudly() {
        String csv = HEADER + "05111,Düsseldorf,KREISFREIE_STADT,619294\n";

        assertThatThrownBy(() -> KiSites.readDistricts(new StringReader(csv), "test.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("test.csv line 2: expected 5 columns");
    }

    @Test
    void anUnexpectedHeaderFailsLoudly() {
        assertThatThrownBy(() -> KiSites.readDistricts(new StringReader("ags;name\n"), "test.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("test.csv: expected header");
    }

    @Test
    void aByteOrderMarkAndBlankLinesAreTolerated() throws IOException {
        String csv = "\uFEFF" + HEADER + "\n05974,Kreis Soest,KREIS,Arnsberg,301902\n\n";

        assertThat(KiSites.readDistricts(new StringReader(csv), "test.csv"))
                .extracting(KiSiteReference::siteId).containsExactly(SiteId.of("05974"));
    }
}
