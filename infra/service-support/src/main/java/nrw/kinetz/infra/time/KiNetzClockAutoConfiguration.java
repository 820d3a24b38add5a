package nrw.kinetz.infra.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import nrw.kinetz.model.NetworkTime;

/**
 * The one clock of every service, in the network's time zone ({@link NetworkTime#ZONE}); inject it wherever
 * "now" or "today" is needed, so that tests can fix it. A service (or test) that defines its own wins.
 */
@AutoConfiguration
public class KiNetzClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(NetworkTime.ZONE);
    }
}
