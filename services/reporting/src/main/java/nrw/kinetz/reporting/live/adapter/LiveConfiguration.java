package nrw.kinetz.reporting.live.adapter;

import java.time.Duration;
import java.util.List;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nrw.kinetz.reporting.ReportingProperties;
import nrw.kinetz.reporting.activity.ActivitiesMeasure;
import nrw.kinetz.reporting.aggregate.Measure;
import nrw.kinetz.reporting.feed.Feed;
import nrw.kinetz.infra.lease.Lease;
import nrw.kinetz.reporting.live.LiveStreams;

/** Wires the live streams and ends them before the web server's graceful shutdown would wait for them. */
@Configuration(proxyBeanMethods = false)
public class LiveConfiguration {

    /** What a client refused for too many streams is told to wait: about the time a stream of a departed client needs to end. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    @Bean(destroyMethod = "close")
    public LiveStreams liveStreams(Feed feed, Lease lease, ActivitiesMeasure activities, List<Measure> measures,
            ReportingProperties properties, MeterRegistry meters) {
        ReportingProperties.Live live = properties.live();
        LiveStreams streams = new LiveStreams(feed, lease, activities, measures, live.bufferedKeys(), live.senders(),
                new LiveStreams.Limits(live.maxStreams(), live.maxStreamsPerClient(), live.sendTimeout(),
                        RETRY_AFTER));
        Gauge.builder("kinetz.reporting.live.clients", streams, LiveStreams::clients)
                .description("Clients connected to this instance's live stream (server-sent events)")
                .register(meters);
        return streams;
    }

    /**
     * Stopped before the web server (highest phase first): open streams would otherwise hold the graceful
     * shutdown for its whole timeout.
     */
    @Bean
    public SmartLifecycle liveStreamsLifecycle(LiveStreams streams, ReportingProperties properties) {
        Duration poll = properties.live().pollInterval();
        Duration heartbeat = properties.live().heartbeat();
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                streams.start(poll, heartbeat);
                running = true;
            }

            @Override
            public void stop() {
                streams.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
