package nrw.kinetz.reporting.program.adapter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import nrw.kinetz.infra.position.KeptPositions;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.event.CloudEventsKafka;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.Topics;
import nrw.kinetz.model.program.FundsDisbursed;
import nrw.kinetz.model.program.GrantAmended;
import nrw.kinetz.model.program.GrantApplied;
import nrw.kinetz.model.program.GrantApproved;
import nrw.kinetz.model.program.GrantRejected;
import nrw.kinetz.model.program.IndicatorProgressed;
import nrw.kinetz.model.program.MeasureStarted;
import nrw.kinetz.model.program.ProgramEventTypes;
import nrw.kinetz.model.program.ProofOfUseAccepted;
import nrw.kinetz.model.program.ProofOfUseReturned;
import nrw.kinetz.model.program.ProofOfUseSubmitted;
import nrw.kinetz.reporting.feed.FeedRelay;
import nrw.kinetz.reporting.program.ProgramFigures;

/**
 * Feeds {@code ki.programs.v1} into the programs read model: the grants' sums, the measures' targets and the
 * indicator changes. Every write is idempotent (sums are set, not added, and guarded by the offset; indicator
 * changes are keyed by their {@code ce_id}); the position is kept with the read model ({@link KeptPositions}).
 * Types this read model does not use are skipped before parsing. Every applied event marks the cells it changes
 * and wakes the feed relay, which announces them (also after a redelivery: the same value again is harmless).
 */
@Component
public class ProgramEventsListener implements ConsumerSeekAware {

    public static final String ID = "reporting-programs";

    private final ProgramFigures model;
    private final KeptPositions positions;
    private final FeedRelay feed;
    private final String group;

    public ProgramEventsListener(ProgramFigures model, KeptPositions positions, FeedRelay feed,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        this.model = model;
        this.positions = positions;
        this.feed = feed;
        this.group = group;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.PROGRAMS)
    public void on(ConsumerRecord<String, byte[]> record) {
        Optional<String> type = CloudEventsKafka.typeOf(record.headers());
        List<String> cells = new ArrayList<>();
        if (type.isEmpty() || ProgramEventTypes.ALL.stream().anyMatch(t -> t.name().equals(type.get()))) {
            cells = apply(CloudEventsKafka.fromRecord(record), record.partition(), record.offset());
        }
        positions.applied(group, List.of(record));
        if (!cells.isEmpty()) {
            feed.wakeUp(cells);
        }
    }

    /** @return the keys of the cells the event changed */
    private List<String> apply(EventEnvelope<?> event, int partition, long offset) {
        Object data = event.data();
        List<String> cells = new ArrayList<>();
        if (data instanceof GrantApplied e) {
            cells.add(grant(e.grantId().toString(), e.siteId().value(), e.program(), e.block(), e.budgetYear(), partition, offset,
                    Map.of("status", "APPLIED")));
        } else if (data instanceof GrantApproved e) {
            cells.add(grant(e.grantId().toString(), e.siteId().value(), e.program(), e.block(), e.budgetYear(), partition, offset,
                    Map.of("status", "APPROVED", "grantedCents", e.amountGranted().cents(), "proofDue",
                            e.proofOfUseDue().toString())));
        } else if (data instanceof GrantAmended e) {
            cells.add(grant(e.grantId().toString(), e.siteId().value(), e.program(), e.block(), e.budgetYear(), partition, offset,
                    Map.of("grantedCents", e.amountGranted().cents())));
        } else if (data instanceof GrantRejected e) {
            cells.add(grant(e.grantId().toString(), e.siteId().value(), e.program(), e.block(), e.budgetYear(), partition, offset,
                    Map.of("status", "REJECTED")));
        } else if (data instanceof FundsDisbursed e) {
            cells.add(grant(e.grantId().toString(), e.siteId().value(), e.program(), e.block(), e.budgetYear(), partition, offset,
                    Map.of("disbursedCents", e.totalDisbursed().cents())));
        } else if (data instanceof ProofOfUseAccepted e) {
            cells.add(grant(e.grantId().toString(), e.siteId().value(), e.program(), e.block(), e.budgetYear(), partition, offset,
                    Map.of("spentCents", e.spent().cents(), "repaymentCents", e.repaymentClaim().cents(), "proofStatus",
                            "ACCEPTED")));
        } else if (data instanceof ProofOfUseSubmitted e) {
            cells.add(grant(e.grantId().toString(), e.siteId().value(), e.program(), e.block(), e.budgetYear(), partition, offset,
                    Map.of("proofStatus", "SUBMITTED")));
        } else if (data instanceof ProofOfUseReturned e) {
            cells.add(grant(e.grantId().toString(), e.siteId().value(), e.program(), e.block(), e.budgetYear(), partition, offset,
                    Map.of("proofStatus", "RETURNED")));
        } else if (data instanceof MeasureStarted e) {
            Map<String, Long> targets = new LinkedHashMap<>();
            e.targets().forEach((indicator, target) -> targets.put(indicator.name(), target));
            model.measure(new ProgramFigures.MeasureRow(e.siteId().value() + "/" + e.measureId(), e.siteId().value(),
                    e.program().name(), e.block() == null ? null : e.block().name(), e.startsOn().getYear(),
                    e.endsOn().getYear(), targets));
            for (int year = e.startsOn().getYear(); year <= e.endsOn().getYear(); year++) {
                cells.add(model.touch(e.siteId().value(), e.program().name(), e.block() == null ? null : e.block().name(), year));
            }
        } else if (data instanceof IndicatorProgressed e) {
            Map<String, Long> changes = new HashMap<>();
            e.changes().forEach((indicator, change) -> changes.put(indicator.name(), change));
            model.change(new ProgramFigures.ChangeRow(event.id().toString(), e.siteId().value(), e.program().name(),
                    e.block() == null ? null : e.block().name(), e.budgetYear(), changes));
            cells.add(model.touch(e.siteId().value(), e.program().name(), e.block() == null ? null : e.block().name(),
                    e.budgetYear()));
        }
        return cells;
    }

    /** @return the key of the grant's cell */
    private String grant(String grantId, String siteId, Program program, Program.Block block, int year, int partition,
            long offset, Map<String, Object> fields) {
        String blockName = block == null ? null : block.name();
        model.grant(grantId, siteId, program.name(), blockName, year, partition, offset, fields);
        return model.touch(siteId, program.name(), blockName, year);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        positions.seek(assignments, callback);
    }
}
