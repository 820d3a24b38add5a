package nrw.kinetz.infra.failure;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;

import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.event.MalformedEventException;

class FailuresTests {

    @Test
    void aStoreThatDoesNotAnswerIsAnOutageAlsoWhenWrappedByTheFrameworks() {
        var timeout = new MongoTimeoutException("Timed out while waiting for a server");
        assertThat(Failures.isOutage(timeout)).isTrue();
        assertThat(Failures.isOutage(new ListenerExecutionFailedException("Listener failed",
                new DataAccessResourceFailureException("no store", timeout)))).isTrue();
        assertThat(Failures.isOutage(new MongoSocketOpenException("refused", new ServerAddress()))).isTrue();
        assertThat(Failures.isUnprocessable(timeout)).isFalse();
    }

    @Test
    void aStoreThatAnswersWithARefusalIsNoOutage() {
        var refused = new MongoCommandException(BsonDocument.parse("{ok: 0, code: 2, errmsg: 'bad value'}"), new ServerAddress());
        assertThat(Failures.isOutage(refused)).isFalse();
        assertThat(Failures.isOutage(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void malformedEventsAndInvalidValuesAreUnprocessable() {
        assertThat(Failures.isUnprocessable(new ListenerExecutionFailedException("Listener failed",
                new MalformedEventException("missing header ce_specversion")))).isTrue();
        assertThat(Failures.isUnprocessable(new InvalidValueException("site id must have 5 digits", "123"))).isTrue();
        assertThat(Failures.isUnprocessable(new IllegalStateException("bug"))).isFalse();
        assertThat(Failures.isOutage(new MalformedEventException("x"))).isFalse();
    }
}
