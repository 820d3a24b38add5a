package nrw.kinetz.reporting.site.adapter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import nrw.kinetz.reporting.site.SiteProjection;
import nrw.kinetz.reporting.site.SiteViews;
import nrw.kinetz.reporting.site.SitesMeasure;

/** Wires the plain-Java projection and measure of the sites read model, which carry no Spring annotations. */
@Configuration(proxyBeanMethods = false)
public class SiteReadModelConfiguration {

    @Bean
    public SiteProjection siteProjection(SiteViews views) {
        return new SiteProjection(views);
    }

    @Bean
    public SitesMeasure sitesMeasure(SiteViews views) {
        return new SitesMeasure(views);
    }
}
