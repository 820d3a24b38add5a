package nrw.kinetz.reporting.program.adapter;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

import nrw.kinetz.reporting.feed.ChangeSource;
import nrw.kinetz.reporting.program.ProgramFigures;
import nrw.kinetz.reporting.program.ProgramsMeasure;

/**
 * Wires the programs read model: its store, the plain-Java measure, which carries no Spring annotations (its due
 * dates are days of the network's time zone), and its changed cells for the feed.
 */
@Configuration(proxyBeanMethods = false)
public class ProgramReadModelConfiguration {

    @Bean
    public ProgramFigures programFigures(MongoOperations mongo) {
        return new MongoProgramFigures(mongo);
    }

    @Bean
    public ProgramsMeasure programsMeasure(ProgramFigures figures, Clock clock) {
        return new ProgramsMeasure(figures, clock);
    }

    @Bean
    public ChangeSource programChanges(ProgramFigures figures, ProgramsMeasure measure) {
        return new ProgramChanges(figures, measure);
    }
}
