package nrw.kinetz.catalog.offering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.catalog.OfferingSession;
import nrw.kinetz.model.catalog.OfferingStatus;
import nrw.kinetz.model.catalog.OfferingType;

class OfferingCsvTests {

    private static final OffsetDateTime START = OffsetDateTime.parse("2027-03-10T09:00+01:00");

    @Test
    void writesGermanHeadingsThenOneRowPerOfferingWithTheSeparatorAndBom() {
        String csv = csv(offering("Sprachbildung im Kita-Alltag", "Soest"));

        assertThat(csv).startsWith("\uFEFFAngebot;Status;Art;KI;Veranstalter;Handlungsschwerpunkt;Handlungsfeld;Titel;"
                + "Beginn;Ende;Termine;Ort;Online;Plätze;Freie Plätze;Warteliste;Anmeldeschluss;Abmeldeschluss\r\n");
        assertThat(csv).contains("\r\nof-1;PUBLISHED;FORTBILDUNG;05974;KI Kreis Soest;SCHULE_SPRACHBILDUNG;"
                + FocusArea.SCHULE_SPRACHBILDUNG.field().name() + ";Sprachbildung im Kita-Alltag;2027-03-10T09:00+01:00;"
                + "2027-03-10T12:00+01:00;1;Soest;;20;18;0;2027-03-03T09:00+01:00;2027-03-08T09:00+01:00\r\n");
    }

    @Test
    void disarmsATitleASpreadsheetWouldRunAsAFormulaAndQuotesAPlaceWithTheSeparator() {
        String csv = csv(offering("=HYPERLINK(\"http://evil\")", "Soest; Rathaus"));

        assertThat(csv).contains(";\"'=HYPERLINK(\"\"http://evil\"\")\";").contains(";\"Soest; Rathaus\";");
    }

    private static String csv(OfferingView offering) {
        return new String(OfferingCsv.write(List.of(offering)), StandardCharsets.UTF_8);
    }

    private static OfferingView offering(String title, String place) {
        return new OfferingView("of-1", OfferingStatus.PUBLISHED, OfferingType.FORTBILDUNG, SiteId.of("05974"),
                "KI Kreis Soest", FocusArea.SCHULE_SPRACHBILDUNG, FocusArea.SCHULE_SPRACHBILDUNG.field(), title, "",
                "", place, null, 20, 18, 0, List.of(new OfferingSession(START, START.plusHours(3))),
                START.minusDays(7), START.minusDays(2), 1);
    }
}
