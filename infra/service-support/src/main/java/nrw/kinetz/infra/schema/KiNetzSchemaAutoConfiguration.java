package nrw.kinetz.infra.schema;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Serves the schemas of the events a service declares with a {@link ProducedEvents} bean. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(ProducedEvents.class)
public class KiNetzSchemaAutoConfiguration {

    @Bean
    EventSchemaController eventSchemaController(List<ProducedEvents> produced) {
        return new EventSchemaController(produced);
    }
}
