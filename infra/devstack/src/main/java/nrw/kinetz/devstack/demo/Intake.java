package nrw.kinetz.devstack.demo;

import java.util.List;

/** Where the demo sends activities: the activity intake, as the KI of {@code clientId}. */
public interface Intake {

    /**
     * Sends the activities and waits for the intake's answer; retries what the intake asks to retry.
     *
     * @param clientId the KI's own client, {@code ki-<siteId>}
     * @throws DemoException when the intake refuses the request or cannot be reached
     */
    Answer send(String clientId, List<DemoActivity> activities) throws InterruptedException;

    /** What the intake made of a request. */
    public record Answer(int accepted, int duplicate, int rejected, String firstProblem) {

        Answer plus(Answer other) {
            return new Answer(accepted + other.accepted, duplicate + other.duplicate, rejected + other.rejected,
                    firstProblem != null ? firstProblem : other.firstProblem);
        }
    }
}
