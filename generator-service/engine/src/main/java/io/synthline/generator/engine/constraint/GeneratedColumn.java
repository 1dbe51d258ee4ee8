package io.synthline.generator.engine.constraint;

import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.format.TextPattern;
import io.synthline.generator.engine.pii.PiiColumn;
import io.synthline.generator.engine.random.FeistelPermutation;
import java.io.IOException;
import java.util.random.RandomGenerator;

/** An output column that is made, not learned: keys, formatted identifiers and PII. */
public sealed interface GeneratedColumn {
    int column();

    /** Integer keys start, start+1, ... by row index: unique and regenerable row by row. */
    record SequentialKey(int column, long start) implements GeneratedColumn {
        public String value(long row) {
            return Long.toString(start + row);
        }
    }

    /**
     * Text matching a pattern: random, or (unique) the row index sent through a keyed
     * permutation of the pattern's language, so no two rows share a value.
     */
    record Pattern(int column, TextPattern pattern, boolean unique, long key) implements GeneratedColumn {
        public FeistelPermutation permutation() {
            return new FeistelPermutation(Math.max(1, pattern.size()), key);
        }

        public String value(long row, RandomGenerator random, FeistelPermutation permutation) {
            if (unique) {
                return pattern.decode(permutation.apply(row));
            }
            return pattern.random(random);
        }
    }

    /** @param modelColumn the model column whose value the replacement is made within (a birth date's year), or -1 */
    record Pii(int column, PiiColumn pii, int modelColumn) implements GeneratedColumn {
    }

    static void write(GeneratedColumn g, ModelOutput out) throws IOException {
        out.writeInt(g.column());
        switch (g) {
            case SequentialKey k -> {
                out.writeInt(0);
                out.writeLong(k.start());
            }
            case Pattern p -> {
                out.writeInt(1);
                out.writeString(p.pattern().source());
                out.writeBoolean(p.unique());
                out.writeLong(p.key());
            }
            case Pii p when p.modelColumn() < 0 -> {
                out.writeInt(2);
                p.pii().write(out);
            }
            case Pii p -> {
                out.writeInt(3);
                out.writeInt(p.modelColumn());
                p.pii().write(out);
            }
        }
    }

    static GeneratedColumn read(ModelInput in) throws IOException {
        int column = in.readInt();
        int kind = in.readInt();
        return switch (kind) {
            case 0 -> new SequentialKey(column, in.readLong());
            case 1 -> new Pattern(column, TextPattern.compile(in.readString()), in.readBoolean(), in.readLong());
            case 2 -> new Pii(column, PiiColumn.read(in), -1);
            case 3 -> {
                int modelColumn = in.readInt();
                yield new Pii(column, PiiColumn.read(in), modelColumn);
            }
            default -> throw new IOException("corrupt model: generated column kind " + kind);
        };
    }
}
