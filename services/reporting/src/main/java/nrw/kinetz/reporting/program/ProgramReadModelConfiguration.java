package nrw.kinetz.reporting.program;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java measure of the programs read model, which carries no Spring annotations. */
@Configuration(proxyBeanMethods = false)
class ProgramReadModelConfiguration {

    /** Due dates are Berlin dates. */
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Bean
    ProgramsMeasure programsMeasure(ProgramFigures figures, ObjectProvider<Clock> clock) {
        return new ProgramsMeasure(figures, clock.getIfAvailable(() -> Clock.system(BERLIN)));
    }
}
