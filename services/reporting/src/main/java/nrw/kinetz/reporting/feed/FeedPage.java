package nrw.kinetz.reporting.feed;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/feed}.
 *
 * @param changes the changes after the cursor asked for, oldest first, at most {@code limit}
 * @param next    the cursor to ask with next time: the last change's, or the one asked with if there was none
 */
public record FeedPage(List<ChangeView> changes, String next) {

    public FeedPage {
        changes = List.copyOf(changes);
    }
}
