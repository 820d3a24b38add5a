package nrw.kinetz.reporting.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nrw.kinetz.reporting.feed.ChangeSource;

/** Wires the plain-Java measure of the catalog read model and its changes for the feed. */
@Configuration(proxyBeanMethods = false)
class CatalogReadModelConfiguration {

    @Bean
    CatalogMeasure catalogMeasure(MongoCatalogOfferings offerings) {
        return new CatalogMeasure(offerings);
    }

    @Bean
    ChangeSource catalogChanges(MongoCatalogOfferings offerings) {
        return new CatalogChanges(offerings);
    }
}
