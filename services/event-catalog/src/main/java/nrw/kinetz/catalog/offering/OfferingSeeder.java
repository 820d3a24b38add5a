package nrw.kinetz.catalog.offering;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nrw.kinetz.catalog.offering.domain.Offering;

/**
 * Seeds the sample offerings on start when {@code kinetz.catalog.seed.enabled} (the devstack switches it on):
 * published, announced on the topic like any other. An offering stored already is left alone.
 */
@Component
@ConditionalOnProperty(name = "kinetz.catalog.seed.enabled", havingValue = "true")
class OfferingSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(OfferingSeeder.class);

    private final OfferingStore store;
    private final OfferingService service;

    OfferingSeeder(OfferingStore store, OfferingService service) {
        this.store = store;
        this.service = service;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        int seeded = 0;
        for (Offering draft : SampleOfferings.drafts(service.now().toLocalDate())) {
            if (store.find(draft.id()).isEmpty()) {
                seeded += service.seed(draft) ? 1 : 0;
            }
        }
        LOG.info("Seeded {} sample offerings (marked as sample data)", seeded);
    }
}
