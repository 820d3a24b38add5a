package nrw.kinetz.model.program;

import static nrw.kinetz.model.program.Indicator.ACTIVITIES;
import static nrw.kinetz.model.program.Indicator.CASES;
import static nrw.kinetz.model.program.Indicator.COUNSELLING_HOURS;
import static nrw.kinetz.model.program.Indicator.EVENTS;
import static nrw.kinetz.model.program.Indicator.FAMILIES;
import static nrw.kinetz.model.program.Indicator.GROUPS;
import static nrw.kinetz.model.program.Indicator.MEETING_POINT_SESSIONS;
import static nrw.kinetz.model.program.Indicator.PARTICIPANTS;
import static nrw.kinetz.model.program.Indicator.SESSIONS;
import static nrw.kinetz.model.program.Indicator.TRAINING_HOURS;
import static nrw.kinetz.model.program.Indicator.VISITS;
import static nrw.kinetz.model.program.Indicator.VOLUNTEERS_ENGAGED;
import static nrw.kinetz.model.program.Indicator.VOLUNTEERS_RECRUITED;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.Program.Block;
import nrw.kinetz.model.program.ProgramTerms.IndicatorSet;

/**
 * The reference data of every programme: years, proof-of-use deadline and indicator sets. It lives in the code,
 * not in a database, because it changes with a new funding guideline, which is a release; a set that changes
 * from a budget year on gets a new {@link IndicatorSet} with that year, so earlier years keep their indicators.
 */
public final class ProgramCatalogue {

    /** The usual deadline of a Verwendungsnachweis: six months after the budget year ends. */
    public static final int DEFAULT_PROOF_OF_USE_DUE_MONTHS = 6;

    private static final Map<Program, ProgramTerms> TERMS = new EnumMap<>(Program.class);

    static {
        add(Program.KOMM_IN, 2005, OptionalInt.of(2012), set(null, 2005, EVENTS, PARTICIPANTS));
        add(Program.KOMM_AN_I, 2016, OptionalInt.empty(), set(null, 2016, ACTIVITIES, COUNSELLING_HOURS));
        add(Program.KOMM_AN_II, 2016, OptionalInt.empty(),
                set(Block.A, 2016, MEETING_POINT_SESSIONS, VISITS, VOLUNTEERS_ENGAGED),
                set(Block.B, 2016, EVENTS, PARTICIPANTS),
                set(Block.C, 2016, EVENTS, VOLUNTEERS_RECRUITED),
                set(Block.D, 2016, TRAINING_HOURS, VOLUNTEERS_ENGAGED));
        add(Program.KOMM_AN_III, 2016, OptionalInt.empty(), set(null, 2016, COUNSELLING_HOURS, CASES));
        add(Program.KIM, 2020, OptionalInt.empty(), set(null, 2020, CASES, COUNSELLING_HOURS));
        add(Program.GRIFFBEREIT, 2013, OptionalInt.empty(), set(null, 2013, GROUPS, FAMILIES, SESSIONS));
        add(Program.RUCKSACK_KITA, 2013, OptionalInt.empty(), set(null, 2013, GROUPS, FAMILIES, SESSIONS));
        add(Program.RUCKSACK_SCHULE, 2013, OptionalInt.empty(), set(null, 2013, GROUPS, FAMILIES, SESSIONS));
        add(Program.KI_GRUNDFOERDERUNG, 2012, OptionalInt.empty(), set(null, 2012, ACTIVITIES, PARTICIPANTS));
    }

    private ProgramCatalogue() {
    }

    public static ProgramTerms terms(Program program) {
        return TERMS.get(program);
    }

    /** Every programme in code-list order. */
    public static List<ProgramTerms> all() {
        return Arrays.stream(Program.values()).map(TERMS::get).toList();
    }

    private static void add(Program program, int firstYear, OptionalInt lastYear, IndicatorSet... sets) {
        TERMS.put(program, new ProgramTerms(program, firstYear, lastYear, DEFAULT_PROOF_OF_USE_DUE_MONTHS, List.of(sets)));
    }

    private static IndicatorSet set(Block block, int fromYear, Indicator... indicators) {
        return new IndicatorSet(block, fromYear, List.of(indicators));
    }
}
