package io.synthline.commons.relational;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Entities of a relational dataset: a row of the root table with every row that descends from it
 * through foreign keys (each table's first foreign key leads to the parent it belongs to). This is
 * the unit of privacy: a person with many orders is one neighbour, and a holdout holds whole
 * entities, never a parent without its children.
 */
public final class Entities {
    private Entities() {
    }

    /** The table without parent that has the most descendant tables (the first declared among equals). */
    public static String root(RelationalMetadata metadata) {
        String best = null;
        int most = -1;
        for (String t : metadata.topologicalOrder()) {
            if (!metadata.parentsOf(t).isEmpty()) {
                continue;
            }
            int n = descendants(metadata, t).size();
            if (n > most) {
                most = n;
                best = t;
            }
        }
        return best;
    }

    /** The tables below {@code root} through first foreign keys, parents before children. */
    public static List<String> descendants(RelationalMetadata metadata, String root) {
        List<String> out = new ArrayList<>();
        List<String> reached = new ArrayList<>(List.of(root));
        for (String t : metadata.topologicalOrder()) {
            List<Relationship> parents = metadata.parentsOf(t);
            if (!parents.isEmpty() && reached.contains(parents.getFirst().parentTable())) {
                reached.add(t);
                out.add(t);
            }
        }
        return out;
    }

    /** For the root and each descendant table: per row, the root row it belongs to (-1: none). */
    public static Map<String, int[]> rootRows(RelationalDataset dataset, String root) {
        Map<String, int[]> out = new LinkedHashMap<>();
        int n = dataset.table(root).rowCount();
        int[] identity = new int[n];
        Arrays.setAll(identity, i -> i);
        out.put(root, identity);
        for (String t : descendants(dataset.metadata(), root)) {
            Relationship r = dataset.metadata().parentsOf(t).getFirst();
            int[] parentRoot = out.get(r.parentTable());
            int[] parentOf = KeyIndex.of(dataset.table(r.parentTable()), r.parentKey()).resolve(dataset.table(t), r.childKey());
            int[] rootOf = new int[parentOf.length];
            for (int i = 0; i < rootOf.length; i++) {
                rootOf[i] = parentOf[i] < 0 ? -1 : parentRoot[parentOf[i]];
            }
            out.put(t, rootOf);
        }
        return out;
    }

    /** A dataset split into the entities a synthesizer learns from and the ones held out. */
    public record Split(RelationalDataset training, RelationalDataset holdout, String root) {
        public boolean hasHoldout() {
            return holdout != null;
        }
    }

    /**
     * Holds out {@code share} of the root's entities (seeded), each with all its descendant rows.
     * Rows of other tables stay in training. Fewer than one held-out entity: no holdout.
     */
    public static Split split(RelationalDataset dataset, double share, long seed) {
        if (!(share >= 0 && share <= 0.5)) {
            throw new BadInputException("invalid-holdout", "the holdout share must be between 0 and 0.5, got " + share);
        }
        String root = root(dataset.metadata());
        int n = dataset.table(root).rowCount();
        int held = (int) Math.round(share * n);
        if (held < 1 || held >= n) {
            return new Split(dataset, null, root);
        }
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EED_0F_E7717L);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        boolean[] isHeld = new boolean[n];
        for (int i = 0; i < held; i++) {
            isHeld[order[i]] = true;
        }
        Map<String, int[]> rootOf = rootRows(dataset, root);
        Map<String, Table> training = new HashMap<>();
        Map<String, Table> holdout = new HashMap<>();
        for (String t : dataset.tables().keySet()) {
            Table table = dataset.table(t);
            int[] roots = rootOf.get(t);
            List<Integer> keep = new ArrayList<>();
            List<Integer> away = new ArrayList<>();
            for (int r = 0; r < table.rowCount(); r++) {
                (roots != null && roots[r] >= 0 && isHeld[roots[r]] ? away : keep).add(r);
            }
            training.put(t, keep.size() == table.rowCount() ? table : table.rows(keep.stream().mapToInt(Integer::intValue).toArray()));
            holdout.put(t, table.rows(away.stream().mapToInt(Integer::intValue).toArray()));
        }
        return new Split(new RelationalDataset(dataset.metadata(), training), new RelationalDataset(dataset.metadata(), holdout), root);
    }

    /**
     * The dataset without the entities of {@code holdout} (root rows with the same primary key,
     * and all their descendant rows): the training part, when {@code all} is the whole dataset a
     * holdout was split from. Unchanged when no root row of the holdout is in it.
     */
    public static RelationalDataset withoutEntities(RelationalDataset all, RelationalDataset holdout) {
        String root = root(all.metadata());
        TableMetadata meta = all.metadata().table(root);
        if (!meta.hasPrimaryKey()) {
            return all;
        }
        KeyIndex held = KeyIndex.of(holdout.table(root), meta.primaryKey());
        Table rootTable = all.table(root);
        Column[] key = meta.primaryKey().stream().map(rootTable::column).toArray(Column[]::new);
        boolean[] isHeld = new boolean[rootTable.rowCount()];
        boolean any = false;
        for (int r = 0; r < isHeld.length; r++) {
            isHeld[r] = held.row(KeyIndex.value(key, r)) >= 0;
            any |= isHeld[r];
        }
        if (!any) {
            return all;
        }
        Map<String, int[]> rootOf = rootRows(all, root);
        Map<String, Table> kept = new HashMap<>();
        for (String t : all.tables().keySet()) {
            Table table = all.table(t);
            int[] roots = rootOf.get(t);
            List<Integer> keep = new ArrayList<>();
            for (int r = 0; r < table.rowCount(); r++) {
                if (roots == null || roots[r] < 0 || !isHeld[roots[r]]) {
                    keep.add(r);
                }
            }
            kept.put(t, keep.size() == table.rowCount() ? table : table.rows(keep.stream().mapToInt(Integer::intValue).toArray()));
        }
        return new RelationalDataset(all.metadata(), kept);
    }
}
