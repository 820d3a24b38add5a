package nrw.kinetz.infra.failure;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.support.serializer.DeserializationException;

import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;

import jakarta.validation.ConstraintViolationException;
import nrw.kinetz.infra.kafka.EventPublicationException;
import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.event.MalformedEventException;
import tools.jackson.core.JacksonException;

/**
 * Tells the two kinds of failure apart that must be handled in opposite ways (docs/architecture.md#dlt):
 * <ul>
 * <li>an <em>outage</em> — the store or the broker does not answer, or not in time — says nothing about the
 * record or request: the same work succeeds once the dependency is back, so a listener keeps the record and
 * retries, and an HTTP caller hears 503 with {@code Retry-After};</li>
 * <li>an <em>unprocessable</em> record — not a well-formed event, not readable, violating the contract — will
 * fail the same way forever: it goes to the dead-letter topic at once.</li>
 * </ul>
 * The whole cause chain is looked at, because frameworks wrap (Spring Data, the listener container).
 */
public final class Failures {

    private static final List<Class<? extends Throwable>> OUTAGES = List.of(MongoSocketException.class,
            MongoTimeoutException.class, MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class,
            MongoWriteConcernException.class, MongoInterruptedException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class, RetriableException.class, EventPublicationException.class,
            TimeoutException.class, ConnectException.class, SocketTimeoutException.class);

    private static final List<Class<? extends Throwable>> UNPROCESSABLE = List.of(MalformedEventException.class,
            DeserializationException.class, SerializationException.class, InvalidValueException.class,
            JacksonException.class, ConstraintViolationException.class);

    private static final int MAX_DEPTH = 20;

    private Failures() {
    }

    /** @return whether a dependency did not answer (in time): the same work may succeed later */
    public static boolean isOutage(Throwable failure) {
        return anyCause(failure, cause -> OUTAGES.stream().anyMatch(type -> type.isInstance(cause)) || retryableLabel(cause));
    }

    /** @return whether the input itself is wrong: the same record fails the same way every time */
    public static boolean isUnprocessable(Throwable failure) {
        return anyCause(failure, cause -> UNPROCESSABLE.stream().anyMatch(type -> type.isInstance(cause)));
    }

    /** The exception types that make a record unprocessable, for the error handler's classifier. */
    @SuppressWarnings("unchecked")
    public static Class<? extends Exception>[] unprocessableTypes() {
        return UNPROCESSABLE.stream().map(type -> (Class<? extends Exception>) type).toArray(Class[]::new);
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean retryableLabel(Throwable cause) {
        return cause instanceof MongoException mongo && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                || mongo.hasErrorLabel("RetryableWriteError"));
    }
}
