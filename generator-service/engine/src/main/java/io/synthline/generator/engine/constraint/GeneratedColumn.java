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

    record Pii(int column, PiiColumn pii) implements GeneratedColumn {
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
            case Pii p -> {
                out.writeInt(2);
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
            case 2 -> new Pii(column, PiiColumn.read(in));
            default -> throw new IOException("corrupt model: generated column kind " + kind);
        };
    }
}
