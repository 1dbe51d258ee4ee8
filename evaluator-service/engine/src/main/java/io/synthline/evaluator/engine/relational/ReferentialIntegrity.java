package io.synthline.evaluator.engine.relational;

import io.synthline.commons.evaluation.RelationalEvaluation.ForeignKeyCheck;
import io.synthline.commons.evaluation.RelationalEvaluation.Integrity;
import io.synthline.commons.evaluation.RelationalEvaluation.KeyCheck;
import io.synthline.commons.relational.KeyIndex;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.Relationship;
import io.synthline.commons.relational.TableMetadata;
import io.synthline.commons.table.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys of a synthetic dataset: primary keys complete and unique, foreign keys resolving
 * (SDMetrics' ReferentialIntegrity: the share of present foreign keys that find their parent),
 * and the share of missing optional foreign keys next to the real one.
 */
public final class ReferentialIntegrity {
    private ReferentialIntegrity() {
    }

    public static Integrity check(RelationalDataset real, RelationalDataset synthetic) {
        List<KeyCheck> keys = new ArrayList<>();
        for (TableMetadata t : synthetic.metadata().tables()) {
            if (t.hasPrimaryKey()) {
                Table table = synthetic.tables().get(t.name());
                KeyIndex index = KeyIndex.of(table, t.primaryKey());
                keys.add(new KeyCheck(t.name(), t.primaryKey(), table.rowCount(), index.missingRows(), index.duplicateRows()));
            }
        }
        List<ForeignKeyCheck> foreign = new ArrayList<>();
        long present = 0;
        long resolved = 0;
        for (Relationship r : synthetic.metadata().relationships()) {
            int[] syn = resolve(synthetic, r);
            int[] rl = resolve(real, r);
            long missing = count(syn, KeyIndex.NO_PARENT);
            long dangling = count(syn, KeyIndex.DANGLING);
            present += syn.length - missing;
            resolved += syn.length - missing - dangling;
            double score = syn.length == missing ? 1 : 1 - (double) dangling / (syn.length - missing);
            foreign.add(new ForeignKeyCheck(r.childTable(), r.parentTable(), r.childKey(), syn.length, missing, dangling,
                    share(count(rl, KeyIndex.NO_PARENT), rl.length), share(missing, syn.length), score));
        }
        return new Integrity(present == 0 ? 1 : (double) resolved / present, keys, foreign);
    }

    private static int[] resolve(RelationalDataset d, Relationship r) {
        return KeyIndex.of(d.table(r.parentTable()), r.parentKey()).resolve(d.table(r.childTable()), r.childKey());
    }

    private static long count(int[] parents, int what) {
        long n = 0;
        for (int p : parents) {
            if (p == what) {
                n++;
            }
        }
        return n;
    }

    private static double share(long n, long of) {
        return of == 0 ? 0 : (double) n / of;
    }
}
