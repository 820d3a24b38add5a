package nrw.kinetz.reporting.program.adapter;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import nrw.kinetz.reporting.program.ProgramFigures;

/** {@link ProgramFigures} in reporting's own database: one collection per kind of entry, {@code _id} = the entry's id. */
public class MongoProgramFigures implements ProgramFigures {

    public static final String GRANTS = "program_grants";
    public static final String MEASURES = "program_measures";
    public static final String CHANGES = "program_indicator_changes";
    public static final String CELLS = "program_cells";

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

    @Override
    public List<GrantRow> grants(String siteId) {
        return mongo.find(query(where("siteId").is(siteId)), GrantRow.class, GRANTS);
    }

    @Override
    public List<MeasureRow> measures(String siteId) {
        return mongo.find(query(where("siteId").is(siteId)), MeasureRow.class, MEASURES);
    }

    @Override
    public List<ChangeRow> changes(String siteId, int budgetYear) {
        return mongo.find(query(where("siteId").is(siteId).and("budgetYear").is(budgetYear)), ChangeRow.class, CHANGES);
    }

    @Override
    public String touch(String siteId, String program, String block, int budgetYear) {
        String key = String.join("/", "programs", siteId, Integer.toString(budgetYear), program, block == null ? "NONE" : block);
        mongo.upsert(query(where("_id").is(key)), new Update().inc("revision", 1L).set("dirty", true)
                .setOnInsert("siteId", siteId).setOnInsert("program", program).setOnInsert("block", block)
                .setOnInsert("budgetYear", budgetYear), CELLS);
        return key;
    }

    /** The stored form of a {@link CellMark}. */
    record CellDocument(String id, String siteId, String program, String block, int budgetYear, long revision) {
    }

    @Override
    public List<CellMark> marked(Collection<String> keys, int limit) {
        Query query = query(where("dirty").is(true));
        if (keys != null) {
            query.addCriteria(where("_id").in(keys));
        }
        return mongo.find(query.limit(limit), CellDocument.class, CELLS).stream()
                .map(c -> new CellMark(c.id(), c.siteId(), c.program(), c.block(), c.budgetYear(), c.revision()))
                .toList();
    }

    @Override
    public void fed(String key, long revision) {
        mongo.updateFirst(query(where("_id").is(key).and("revision").is(revision)), new Update().set("dirty", false), CELLS);
    }
}
