package nrw.kinetz.reporting.odata.adapter;

import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ODataServerError;
import org.apache.olingo.server.api.processor.DefaultProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed's errors in the OData JSON error format ({@code {"error":{"code","message"}}}), not problem+json: the
 * OData protocol prescribes that format, and Excel and Power BI show its {@code message} to the person refreshing
 * the workbook. A failure of the service itself is logged with its cause and answered without internals.
 */
final class FeedErrors extends DefaultProcessor {

    private static final Logger log = LoggerFactory.getLogger(FeedErrors.class);

    @Override
    public void processError(ODataRequest request, ODataResponse response, ODataServerError error, ContentType format) {
        if (error.getStatusCode() >= 500) {
            // An API key given as a parameter must not reach the log.
            log.error("OData request {} failed", request.getRawRequestUri().replaceAll("(?i)(api-key=)[^&]*", "$1…"),
                    error.getException());
            error.setMessage("The feed could not answer; the cause is logged. Try again later.");
        }
        super.processError(request, response, error, format);
    }
}
