package nrw.kinetz.reporting.aggregate;

import java.util.List;

/** The query parameters of an aggregate request do not describe a question this service can answer. */
public class InvalidAggregateQueryException extends RuntimeException {

    /**
     * @param parameter the query parameter at fault, e.g. {@code groupBy}
     * @param detail    what is wrong and which values are accepted
     */
    public record Problem(String parameter, String detail) {
    }

    private final transient List<Problem> problems;

    public InvalidAggregateQueryException(List<Problem> problems) {
        super(problems.size() + " invalid query parameter(s)");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
