package nrw.kinetz.reporting.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.reference.KiSites;

class DistrictTilesTests {

    @Test
    void everyDistrictOfNrwHasItsOwnTileInsideTheGrid() {
        Set<String> districts = KiSites.all().stream().map(site -> site.districtKey().value()).collect(Collectors.toSet());
        Set<String> cells = new HashSet<>();

        assertThat(DistrictTiles.all().keySet()).isEqualTo(districts).hasSize(53);
        DistrictTiles.all().values().forEach(tile -> {
            assertThat(cells.add(tile.column() + "/" + tile.row())).as("one district per cell: " + tile).isTrue();
            assertThat(tile.column()).isBetween(0, DistrictTiles.COLUMNS - 1);
            assertThat(tile.row()).isBetween(0, DistrictTiles.ROWS - 1);
        });
        assertThat(DistrictTiles.all().values().stream().map(DistrictTiles.Tile::code).distinct()).hasSize(53);
    }

    @Test
    void theTilesLieRoughlyWhereTheDistrictsLie() {
        DistrictTiles.Tile aachen = DistrictTiles.of("05334").orElseThrow();
        DistrictTiles.Tile minden = DistrictTiles.of("05770").orElseThrow();
        DistrictTiles.Tile bonn = DistrictTiles.of("05314").orElseThrow();
        DistrictTiles.Tile duisburg = DistrictTiles.of("05112").orElseThrow();
        DistrictTiles.Tile dortmund = DistrictTiles.of("05913").orElseThrow();

        assertThat(aachen.column()).as("Aachen in the far west").isZero();
        assertThat(minden.row()).as("Minden-Lübbecke in the far north").isZero();
        assertThat(minden.column()).as("… and east").isEqualTo(DistrictTiles.COLUMNS - 1);
        assertThat(bonn.row()).as("Bonn in the south").isEqualTo(DistrictTiles.ROWS - 1);
        assertThat(duisburg.row()).as("the Ruhr runs west to east").isEqualTo(dortmund.row());
        assertThat(duisburg.column()).isLessThan(dortmund.column());
    }

    @Test
    void theCityOfAachenSitsInsideTheStaedteregionWhoseKiServesTheRest() {
        List<MapSite> sites = MapSite.all(site -> Optional.of(SiteStatus.ESTABLISHED));
        MapSite city = sites.stream().filter(site -> site.site().equals("05334002")).findFirst().orElseThrow();
        MapSite region = sites.stream().filter(site -> site.site().equals("05334")).findFirst().orElseThrow();

        assertThat(sites).hasSize(54);
        assertThat(sites.stream().filter(MapSite::insideDistrict)).containsExactly(city);
        assertThat(city.column()).isEqualTo(region.column());
        assertThat(city.row()).isEqualTo(region.row());
        assertThat(city.population()).isEqualTo(247_380);
        assertThat(region.population()).isEqualTo(555_465 - 247_380);
        assertThat(region.statusLabel()).isEqualTo(SiteStatus.ESTABLISHED.label());
    }
}
