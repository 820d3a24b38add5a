package nrw.kinetz.reporting.program.adapter;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import nrw.kinetz.reporting.program.ProgramFigures;

/** {@link ProgramFigures} in reporting's own database: one collection per kind of entry, {@code _id} = the entry's id. */
public class MongoProgramFigures implements ProgramFigures {

    public static final String GRANTS = "program_grants";
    public static final String MEASURES = "program_measures";
    public static final String CHANGES = "program_indicator_changes";

    private final MongoOperations mongo;

    public MongoProgramFigures(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void grant(String grantId, String siteId, String program, String block, int budgetYear, int partition, long offset,
            Map<String, Object> fields) {
        Update update = new Update().set("lastOffset", offset).set("partition", partition)
                .setOnInsert("siteId", siteId).setOnInsert("program", program).setOnInsert("block", block)
                .setOnInsert("budgetYear", budgetYear);
        Map<String, Object> defaults = Map.of("status", "APPLIED", "grantedCents", 0L, "disbursedCents", 0L,
                "spentCents", 0L, "repaymentCents", 0L, "proofStatus", "OPEN", "proofDue", "");
        defaults.forEach((field, initial) -> {
            if (fields.containsKey(field)) {
                update.set(field, fields.get(field));
            } else {
                update.setOnInsert(field, initial);
            }
        });
        Criteria older = new Criteria().orOperator(where("lastOffset").lt(offset), where("partition").ne(partition));
        try {
            mongo.upsert(query(where("_id").is(grantId)).addCriteria(older), update, GRANTS);
        } catch (DuplicateKeyException e) {
            // The grant exists with this or a later event applied: nothing to do.
        }
    }

    @Override
    public void measure(MeasureRow row) {
        mongo.save(row, MEASURES);
    }

    @Override
    public boolean change(ChangeRow row) {
        try {
            mongo.insert(row, CHANGES);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public List<GrantRow> grants() {
        return mongo.findAll(GrantRow.class, GRANTS);
    }

    @Override
    public List<MeasureRow> measures() {
        return mongo.findAll(MeasureRow.class, MEASURES);
    }

    @Override
    public List<ChangeRow> changes() {
        return mongo.findAll(ChangeRow.class, CHANGES);
    }
}
