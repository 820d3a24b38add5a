package nrw.kinetz.reporting.site.adapter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import nrw.kinetz.reporting.feed.ChangeSource;
import nrw.kinetz.reporting.site.SiteProjection;
import nrw.kinetz.reporting.site.SiteViews;
import nrw.kinetz.reporting.site.SitesMeasure;

/**
 * Wires the sites read model: its store, the plain-Java projection and measure, which carry no Spring annotations,
 * and its changes for the feed.
 */
@Configuration(proxyBeanMethods = false)
public class SiteReadModelConfiguration {

    @Bean
    public MongoSiteViews siteViews(MongoOperations mongo) {
        return new MongoSiteViews(mongo);
    }

    @Bean
    public ChangeSource siteChanges(MongoSiteViews views) {
        return new SiteChanges(views);
    }

    @Bean
    public SiteProjection siteProjection(SiteViews views) {
        return new SiteProjection(views);
    }

    @Bean
    public SitesMeasure sitesMeasure(SiteViews views) {
        return new SitesMeasure(views);
    }
}
