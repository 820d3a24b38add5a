package nrw.kinetz.reporting.aggregate;

/**
 * A value that changes whenever an aggregate answer may change: the feed's position (every change of a read
 * model gets one), the generation a rebuild switched to, the day for measures that count what is due by today.
 * {@link PublicAnswers} keeps an answer only as long as every version is what it was when the answer was computed.
 */
@FunctionalInterface
public interface AnswerVersion {

    /** @return a value with a meaningful {@code equals}; read before an answer is computed */
    public Object current();
}
