package nrw.kinetz.reporting.program;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java measure of the programs read model, which carries no Spring annotations. */
@Configuration(proxyBeanMethods = false)
class ProgramReadModelConfiguration {

    @Bean
    ProgramsMeasure programsMeasure(ProgramFigures figures) {
        return new ProgramsMeasure(figures);
    }
}
