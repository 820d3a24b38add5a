package nrw.kinetz.reporting.map.adapter;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nrw.kinetz.reporting.map.DistrictTiles;
import nrw.kinetz.reporting.map.MapSite;
import nrw.kinetz.reporting.site.SiteView;
import nrw.kinetz.reporting.site.SiteViews;

/**
 * {@code GET /api/v1/map/sites}: what the dashboard's district map needs beside the aggregates — each KI's tile,
 * the population it serves and its status (all public, as in the site registry). The numbers the map is coloured
 * by come from {@code GET /api/v1/aggregates}, with its disclosure control.
 */
@RestController
public class MapController {

    private final SiteViews views;

    public MapController(SiteViews views) {
        this.views = views;
    }

    /**
     * @param sites   the 54 KIs in site-id order
     * @param columns the grid's width in tiles
     * @param rows    the grid's height in tiles
     */
    public record MapAnswer(List<MapSite> sites, int columns, int rows) {
    }

    @GetMapping("/api/v1/map/sites")
    @Operation(summary = "The 54 KIs on the tile-grid map of NRW's 53 districts",
            description = "Public. Each KI with its district tile (column, row; the city of Aachen inside the Städteregion "
                    + "Aachen), the population it serves (Destatis, 31.12.2018) and its current status.")
    public MapAnswer sites() {
        return new MapAnswer(MapSite.all(site -> views.find(site).flatMap(SiteView::status)), DistrictTiles.COLUMNS,
                DistrictTiles.ROWS);
    }
}
