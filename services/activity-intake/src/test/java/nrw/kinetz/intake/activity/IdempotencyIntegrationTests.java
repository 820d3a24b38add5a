package nrw.kinetz.intake.activity;

import static nrw.kinetz.intake.IntakeApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import nrw.kinetz.intake.Activities;
import nrw.kinetz.intake.IntakeApi;
import nrw.kinetz.intake.IntakeIntegrationTest;
import nrw.kinetz.intake.activity.domain.ContentHash;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/** Nothing is counted twice (docs/architecture.md#idempotency): retries, re-uploads, dry runs and all-or-nothing requests. */
class IdempotencyIntegrationTests extends IntakeIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void retryWithTheSameIdAndContentIsADuplicateAndIsPublishedOnce() {
        Activities activity = Activities.of("05974");
        expect(api.report(IntakeApi.JSON, activity.json(), TestTokens.ki("05974")), 202);
        long before = topic.size();

        // the same content, spelled differently: codes in lower case are the same activity
        JsonNode retry = expect(api.report(IntakeApi.JSON, activity.with("field", "bildung").json(), TestTokens.ki("05974")), 202);

        assertThat(retry.get("duplicate").asInt()).isEqualTo(1);
        assertThat(retry.get("items").get(0).get("status").asString()).isEqualTo("duplicate");
        assertThat(topic.size()).isEqualTo(before);
        assertThat(topic.withIds(List.of(activity.id()))).hasSize(1);
    }

    @Test
    void sameIdWithOtherContentIsRejectedAsAConflict() {
        Activities activity = Activities.of("05974");
        expect(api.report(IntakeApi.JSON, activity.json(), TestTokens.ki("05974")), 202);
        long before = topic.size();

        JsonNode problem = expect(api.report(IntakeApi.JSON, activity.with("participants", "13").json(),
                TestTokens.ki("05974")), 409);

        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/id");
        assertThat(problem.get("errors").get(0).get("detail").asString()).contains("already used for an activity with other content");
        assertThat(topic.size()).isEqualTo(before);
        assertThat(topic.withIds(List.of(activity.id()))).hasSize(1);
    }

    @Test
    void theSameIdTwiceInOneBodyCountsOnceOrIsRejected() {
        Activities activity = Activities.of("05974");
        String twice = Activities.array(List.of(activity, activity));
        JsonNode summary = expect(api.report(IntakeApi.JSON, twice, TestTokens.ki("05974")), 202);
        assertThat(summary.get("accepted").asInt()).isEqualTo(1);
        assertThat(summary.get("duplicate").asInt()).isEqualTo(1);

        Activities other = Activities.of("05974");
        String conflicting = "[" + other.json() + "," + other.json().replace("\"participants\":12", "\"participants\":99") + "]";
        JsonNode mixed = expect(api.report(IntakeApi.JSON, conflicting, TestTokens.ki("05974")), 202);
        assertThat(mixed.get("items").get(1).get("errors").get(0).get("detail").asString())
                .contains("also used by item 0 of this request, with other content");
        assertThat(topic.withIds(List.of(activity.id(), other.id()))).hasSize(2);
    }

    @Test
    void uploadingTheSameCsvTwiceCountsNothingTwiceEvenWithIdenticalRows() {
        Activities row = Activities.of("05974").with("id", "");
        String csv = Activities.csv(List.of(row, row, Activities.of("05974").with("id", "").with("hours", "2")), ';');

        JsonNode first = expect(api.report(IntakeApi.CSV, csv, TestTokens.ki("05974")), 202);
        long before = topic.size();
        JsonNode second = expect(api.report(IntakeApi.CSV, csv, TestTokens.ki("05974")), 202);

        // two identical rows are two activities (occurrence 1 and 2), not a duplicate of each other
        assertThat(first.get("accepted").asInt()).isEqualTo(3);
        assertThat(second.get("duplicate").asInt()).isEqualTo(3);
        assertThat(topic.size()).isEqualTo(before);
        assertThat(first.get("items").findValuesAsString("id")).doesNotHaveDuplicates()
                .isEqualTo(second.get("items").findValuesAsString("id"));
    }

    @Test
    void dryRunValidatesAndFindsDuplicatesButPublishesNothing() {
        Activities known = Activities.of("05974");
        expect(api.report(IntakeApi.JSON, known.json(), TestTokens.ki("05974")), 202);
        Activities fresh = Activities.of("05974");
        Activities bad = Activities.of("05974").with("sessions", "-1");
        long before = topic.size();

        JsonNode summary = expect(api.report("?dryRun=true", IntakeApi.JSON, Activities.array(List.of(known, fresh, bad)),
                TestTokens.ki("05974")), 200);

        assertThat(summary.get("dryRun").asBoolean()).isTrue();
        assertThat(summary.get("items").findValuesAsString("status")).containsExactly("duplicate", "valid", "rejected");
        assertThat(topic.size()).isEqualTo(before);
        // nothing was remembered either: the fresh id is accepted later
        expect(api.report(IntakeApi.JSON, fresh.json(), TestTokens.ki("05974")), 202);
        assertThat(topic.withIds(List.of(fresh.id()))).hasSize(1);
    }

    @Test
    void atomicRequestWithOneBadItemAcceptsNothingAndCanBeResentFixed() {
        Activities good = Activities.of("05974");
        Activities bad = Activities.of("05974").with("focusArea", "UNBEKANNT");
        long before = topic.size();

        JsonNode problem = expect(api.report("?atomic=true", IntakeApi.JSON, Activities.array(List.of(good, bad)),
                TestTokens.ki("05974")), 400);

        assertThat(problem.get("detail").asString()).contains("atomic=true: nothing was accepted because 1 of 2");
        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/1/focusArea");
        assertThat(topic.size()).isEqualTo(before);
        JsonNode fixed = expect(api.report("?atomic=true", IntakeApi.JSON,
                Activities.array(List.of(good, bad.with("focusArea", "ELTERNBILDUNG"))), TestTokens.ki("05974")), 202);
        assertThat(fixed.get("accepted").asInt()).isEqualTo(2);
    }

    @Test
    void atomicRequestWithAReusedIdReleasesWhatItClaimed() {
        Activities known = Activities.of("05974");
        expect(api.report(IntakeApi.JSON, known.json(), TestTokens.ki("05974")), 202);
        Activities fresh = Activities.of("05974");
        long before = topic.size();

        expect(api.report("?atomic=true", IntakeApi.JSON,
                Activities.array(List.of(fresh, known.with("hours", "9"))), TestTokens.ki("05974")), 409);

        assertThat(topic.size()).isEqualTo(before);
        assertThat(mongo.getCollection(MongoActivityLedger.ACTIVITIES).countDocuments(new Document("_id", fresh.id()))).isZero();
    }

    @Test
    void aClaimWhoseRequestNeverConfirmedIsPublishedAgainOnRetryAndThenCountsAsDuplicate() {
        // the state a crash between Kafka's acknowledgement and the confirmation leaves behind
        Activities activity = Activities.of("05974");
        JsonNode dry = expect(api.report("?dryRun=true", IntakeApi.JSON, activity.json(), TestTokens.ki("05974")), 200);
        assertThat(dry.get("valid").asInt()).isEqualTo(1);
        ActivityReported report = reportOf(activity);
        mongo.getCollection(MongoActivityLedger.ACTIVITIES).insertOne(new Document("_id", activity.id()).append("site", "05974")
                .append("hash", ContentHash.of(report)).append("batch", UUID.randomUUID().toString())
                .append("claimedAt", new Date()).append("report", MongoActivityLedger.document(report)));

        JsonNode retry = expect(api.report(IntakeApi.JSON, activity.json(), TestTokens.ki("05974")), 202);
        JsonNode again = expect(api.report(IntakeApi.JSON, activity.json(), TestTokens.ki("05974")), 202);

        assertThat(retry.get("accepted").asInt()).isEqualTo(1);
        assertThat(again.get("duplicate").asInt()).isEqualTo(1);
        assertThat(topic.withIds(List.of(activity.id()))).hasSize(1);
    }

    private static ActivityReported reportOf(Activities activity) {
        return new ActivityReported(UUID.fromString(activity.id()), SiteId.of(activity.get("site")),
                java.time.LocalDate.parse(activity.get("occurredOn")), nrw.kinetz.model.Field.BILDUNG,
                nrw.kinetz.model.FocusArea.SEITENEINSTEIGERBERATUNG, nrw.kinetz.model.ActivityType.ERSTBERATUNG_SEITENEINSTEIGER,
                null, null, null, new nrw.kinetz.model.activity.ActivityMetrics(12, 1, 3, 6), null);
    }
}
