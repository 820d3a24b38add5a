package nrw.kinetz.programs.grant;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import nrw.kinetz.model.Program;
import nrw.kinetz.model.program.ProgramCatalogue;

/**
 * Months after the budget year a programme's Verwendungsnachweis is due: the catalogue's default unless
 * {@code kinetz.programs.proof-of-use-due-months.<PROGRAM>} says otherwise (a funding guideline can set it).
 */
@Component
class ProofOfUseDeadlines {

    private final Environment environment;

    ProofOfUseDeadlines(Environment environment) {
        this.environment = environment;
    }

    int months(Program program) {
        return environment.getProperty("kinetz.programs.proof-of-use-due-months." + program.name(), Integer.class,
                ProgramCatalogue.terms(program).proofOfUseDueMonths());
    }
}
