package nrw.kinetz.reporting.catalog.adapter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nrw.kinetz.reporting.feed.ChangeSource;
import nrw.kinetz.reporting.catalog.adapter.CatalogChanges;
import nrw.kinetz.reporting.catalog.adapter.CatalogMeasure;

/** Wires the plain-Java measure of the catalog read model and its changes for the feed. */
@Configuration(proxyBeanMethods = false)
public class CatalogReadModelConfiguration {

    @Bean
    public CatalogMeasure catalogMeasure(MongoCatalogOfferings offerings) {
        return new CatalogMeasure(offerings);
    }

    @Bean
    public ChangeSource catalogChanges(MongoCatalogOfferings offerings) {
        return new CatalogChanges(offerings);
    }
}
