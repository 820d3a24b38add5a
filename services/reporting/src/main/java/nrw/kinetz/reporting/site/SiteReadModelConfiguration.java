package nrw.kinetz.reporting.site;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java projection and measure of the sites read model, which carry no Spring annotations. */
@Configuration(proxyBeanMethods = false)
class SiteReadModelConfiguration {

    @Bean
    SiteProjection siteProjection(SiteViews views) {
        return new SiteProjection(views);
    }

    @Bean
    SitesMeasure sitesMeasure(SiteViews views) {
        return new SitesMeasure(views);
    }
}
