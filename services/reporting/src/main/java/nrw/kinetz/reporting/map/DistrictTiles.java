package nrw.kinetz.reporting.map;

import java.util.Map;
import java.util.Optional;

/**
 * The tile-grid map of North Rhine-Westphalia: one square per district (22 kreisfreie Städte, 30 Kreise and the
 * Städteregion Aachen), placed by hand so that each lies roughly where the district lies — the Rhineland in the
 * west and south, the Ruhr in the middle, Westphalia and Lippe in the north and east. Equal squares give every
 * district the same weight, so the small, populous cities of the Ruhr are as visible as the large rural Kreise; no
 * boundaries are needed, for which no openly licensed source was to be had from Maven Central or npm.
 */
public final class DistrictTiles {

    /**
     * Where a district sits in the grid, and its short name.
     *
     * @param code   the vehicle registration code people know the district by, e.g. {@code SO}
     * @param column 0 (west) to {@link #COLUMNS} − 1
     * @param row    0 (north) to {@link #ROWS} − 1
     */
    public record Tile(String code, int column, int row) {
    }

    public static final int COLUMNS = 9;
    public static final int ROWS = 9;

    private static final Map<String, Tile> BY_DISTRICT = Map.ofEntries(
            Map.entry("05566", new Tile("ST", 4, 0)), Map.entry("05758", new Tile("HF", 7, 0)),
            Map.entry("05770", new Tile("MI", 8, 0)),

            Map.entry("05154", new Tile("KLE", 0, 1)), Map.entry("05554", new Tile("BOR", 2, 1)),
            Map.entry("05558", new Tile("COE", 3, 1)), Map.entry("05515", new Tile("MS", 4, 1)),
            Map.entry("05570", new Tile("WAF", 5, 1)), Map.entry("05754", new Tile("GT", 6, 1)),
            Map.entry("05711", new Tile("BI", 7, 1)), Map.entry("05766", new Tile("LIP", 8, 1)),

            Map.entry("05170", new Tile("WES", 1, 2)), Map.entry("05512", new Tile("BOT", 2, 2)),
            Map.entry("05562", new Tile("RE", 3, 2)), Map.entry("05915", new Tile("HAM", 5, 2)),
            Map.entry("05974", new Tile("SO", 6, 2)), Map.entry("05774", new Tile("PB", 7, 2)),
            Map.entry("05762", new Tile("HX", 8, 2)),

            Map.entry("05112", new Tile("DU", 1, 3)), Map.entry("05119", new Tile("OB", 2, 3)),
            Map.entry("05513", new Tile("GE", 3, 3)), Map.entry("05916", new Tile("HER", 4, 3)),
            Map.entry("05913", new Tile("DO", 5, 3)), Map.entry("05978", new Tile("UN", 6, 3)),

            Map.entry("05166", new Tile("VIE", 0, 4)), Map.entry("05114", new Tile("KR", 1, 4)),
            Map.entry("05117", new Tile("MH", 2, 4)), Map.entry("05113", new Tile("E", 3, 4)),
            Map.entry("05911", new Tile("BO", 4, 4)), Map.entry("05954", new Tile("EN", 5, 4)),
            Map.entry("05914", new Tile("HA", 6, 4)), Map.entry("05962", new Tile("MK", 7, 4)),
            Map.entry("05958", new Tile("HSK", 8, 4)),

            Map.entry("05370", new Tile("HS", 0, 5)), Map.entry("05116", new Tile("MG", 1, 5)),
            Map.entry("05162", new Tile("NE", 2, 5)), Map.entry("05111", new Tile("D", 3, 5)),
            Map.entry("05158", new Tile("ME", 4, 5)), Map.entry("05124", new Tile("W", 5, 5)),
            Map.entry("05966", new Tile("OE", 7, 5)), Map.entry("05970", new Tile("SI", 8, 5)),

            Map.entry("05334", new Tile("AC", 0, 6)), Map.entry("05358", new Tile("DN", 1, 6)),
            Map.entry("05362", new Tile("BM", 2, 6)), Map.entry("05316", new Tile("LEV", 3, 6)),
            Map.entry("05122", new Tile("SG", 4, 6)), Map.entry("05120", new Tile("RS", 5, 6)),
            Map.entry("05374", new Tile("GM", 6, 6)),

            Map.entry("05366", new Tile("EU", 1, 7)), Map.entry("05315", new Tile("K", 3, 7)),
            Map.entry("05378", new Tile("GL", 4, 7)), Map.entry("05382", new Tile("SU", 5, 7)),

            Map.entry("05314", new Tile("BN", 4, 8)));

    private DistrictTiles() {
    }

    /** @return the tile of a district key such as {@code 05974}, empty for a key that is no NRW district */
    public static Optional<Tile> of(String districtKey) {
        return Optional.ofNullable(BY_DISTRICT.get(districtKey));
    }

    /** @return every district's tile by district key */
    public static Map<String, Tile> all() {
        return BY_DISTRICT;
    }
}
