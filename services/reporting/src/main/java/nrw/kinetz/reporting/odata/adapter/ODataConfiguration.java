package nrw.kinetz.reporting.odata.adapter;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.apache.olingo.server.api.ServiceMetadata;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.reporting.aggregate.Measure;
import nrw.kinetz.reporting.aggregate.PublicAnswers;
import nrw.kinetz.reporting.odata.FeedTable;

/**
 * The OData v4 feed at {@code /odata/v4/} (docs/excel-power-bi.md): Apache Olingo's server as a servlet of its
 * own beside Spring MVC, behind the same Spring Security filter chain as every other path. Reading is public like
 * every GET; who sees exact numbers is decided per request from the caller (bearer token, dashboard session or
 * API key), exactly as for the aggregates API.
 *
 * <ul>
 * <li>{@code kinetz.odata.page-size}: rows per page before {@code @odata.nextLink} (1,000)</li>
 * <li>{@code kinetz.odata.first-year}: the first year the aggregate entity sets offer rows for (0: two years
 * before the current one)</li>
 * <li>{@code kinetz.odata.authorization-uri}: the sign-in service Power BI's "Organisational account" is sent to
 * ({@link SignInChallenge}; default: the authorization endpoint the dashboard signs in at)</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ODataConfiguration {

    public static final String PATH = "/odata/v4";

    @Bean
    public ServletRegistrationBean<HttpServlet> odataServlet(List<Measure> measures, Clock clock, PublicAnswers publicAnswers,
            @Value("${kinetz.odata.page-size:1000}") int pageSize, @Value("${kinetz.odata.first-year:0}") int firstYear) {
        FeedModel model = new FeedModel(FeedTable.of(measures));
        OData odata = OData.newInstance();
        ServiceMetadata metadata = odata.createServiceMetadata(model, FeedModel.references());
        int from = firstYear > 0 ? firstYear : NetworkTime.today(clock).getYear() - 2;
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                // A handler per request, as Olingo intends: it keeps per-request state; the model is built once.
                ODataHttpHandler handler = odata.createHandler(metadata);
                handler.register(new FeedProcessor(model, pageSize, from, clock, publicAnswers));
                handler.register(new FeedErrors());
                handler.process(request, response);
            }
        };
        ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(servlet, PATH + "/*");
        registration.setName("odata");
        return registration;
    }

    /** Before Spring Security, which refuses an empty bearer token without naming where to sign in. */
    @Bean
    public FilterRegistrationBean<SignInChallenge> odataSignInChallenge(
            @Value("${kinetz.odata.authorization-uri:${spring.security.oauth2.client.provider.kinetz.authorization-uri}}") String uri) {
        FilterRegistrationBean<SignInChallenge> registration = new FilterRegistrationBean<>(new SignInChallenge(uri));
        registration.addUrlPatterns(PATH + "/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
