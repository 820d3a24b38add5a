package nrw.kinetz.intake.activity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityReported;

/**
 * The outcome of {@link ActivityRules#check}: either a valid report or the reasons it is not.
 *
 * @param report     the valid report, or {@code null}
 * @param id         the activity id if it could be read, even when other fields are wrong (for the summary)
 * @param site       the site if it could be read, even when other fields are wrong (for authorization)
 * @param violations every problem found; empty exactly when {@code report} is present
 */
public record CheckedActivity(ActivityReported report, Optional<UUID> id, Optional<SiteId> site, List<Violation> violations) {

    public CheckedActivity {
        violations = List.copyOf(violations);
        if ((report == null) == violations.isEmpty()) {
            throw new IllegalArgumentException("either a report or violations");
        }
    }

    public boolean valid() {
        return report != null;
    }
}
