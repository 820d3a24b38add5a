package nrw.kinetz.programs.catalogue;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.program.Indicator;
import nrw.kinetz.model.program.ProgramCatalogue;
import nrw.kinetz.model.program.ProgramTerms;

/**
 * The programme code list with what the platform knows about each programme: German name, budget years, blocks,
 * proof-of-use deadline and indicator sets per block, versioned by the budget year they apply from. Reference
 * data that lives in the code; it is read here and never changed over HTTP.
 */
@RestController
@RequestMapping("/api/v1/programs")
class ProgramCatalogueController {

    record ProgramEntry(Program code, String name, boolean historical, int firstYear, Integer lastYear,
            int proofOfUseDueMonths, List<BlockEntry> blocks, List<IndicatorSetEntry> indicatorSets) {
    }

    record BlockEntry(Program.Block code, String name) {
    }

    /** @param block null for the programme as a whole */
    record IndicatorSetEntry(Program.Block block, int fromYear, List<IndicatorEntry> indicators) {
    }

    /** @param countsPeople a count of people, suppressed from 1 to 4 outside the laki role */
    record IndicatorEntry(Indicator code, String name, Indicator.Source source, boolean countsPeople) {
    }

    @GetMapping
    List<ProgramEntry> all() {
        return ProgramCatalogue.all().stream().map(ProgramCatalogueController::entry).toList();
    }

    @GetMapping("/{code}")
    ProgramEntry one(@PathVariable String code) {
        return entry(ProgramCatalogue.terms(Program.parse(code)));
    }

    private static ProgramEntry entry(ProgramTerms terms) {
        Program program = terms.program();
        return new ProgramEntry(program, program.label(), program.historical(), terms.firstYear(),
                terms.lastYear().isPresent() ? terms.lastYear().getAsInt() : null, terms.proofOfUseDueMonths(),
                program.blocks().stream().map(Program.Block::valueOf).map(b -> new BlockEntry(b, b.label())).toList(),
                terms.indicatorSets().stream().map(set -> new IndicatorSetEntry(set.block(), set.fromYear(),
                        set.indicators().stream().map(i -> new IndicatorEntry(i, i.label(), i.source(), i.countsPeople()))
                                .toList())).toList());
    }
}
