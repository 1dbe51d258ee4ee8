package io.synthline.generator.engine.constraint;

import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.sampling.ColumnCondition;
import io.synthline.generator.engine.sampling.Condition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A {@link Layout} in a stored model: written with the model's parameters, read back without the training data. */
public final class LayoutStorage {
    private LayoutStorage() {
    }

    public static void write(Layout layout, ModelOutput out) throws IOException {
        out.writeDomain(layout.output());
        out.writeInts(layout.copyFrom());
        out.writeInt(layout.combos().size());
        for (Layout.Combo c : layout.combos()) {
            out.writeInt(c.modelColumn());
            out.writeInts(c.outputs());
            out.writeInt(c.parts().length);
            for (double[] p : c.parts()) {
                out.writeDoubles(p);
            }
        }
        out.writeInt(layout.derived().size());
        for (Layout.Derived d : layout.derived()) {
            out.writeInt(d.high());
            out.writeInts(d.lows());
            out.writeBoolean(d.strict());
            out.writeInt(d.diffColumn());
            out.writeInt(d.rawColumn());
        }
        out.writeInt(layout.generated().size());
        for (GeneratedColumn g : layout.generated()) {
            GeneratedColumn.write(g, out);
        }
        out.writeInt(layout.ranges().predicates().size());
        for (ColumnCondition p : layout.ranges().predicates()) {
            ColumnCondition.Between b = (ColumnCondition.Between) p;
            out.writeInt(b.column());
            out.writeDouble(b.min());
            out.writeDouble(b.max());
        }
        out.writeStrings(layout.notes());
    }

    public static Layout read(ModelInput in) throws IOException {
        ModelDomain output = in.readDomain();
        int[] copyFrom = in.readInts();
        int nc = in.readInt();
        List<Layout.Combo> combos = new ArrayList<>();
        for (int i = 0; i < nc; i++) {
            int modelColumn = in.readInt();
            int[] outputs = in.readInts();
            double[][] parts = new double[in.readInt()][];
            for (int k = 0; k < parts.length; k++) {
                parts[k] = in.readDoubles();
            }
            combos.add(new Layout.Combo(modelColumn, outputs, parts));
        }
        int nd = in.readInt();
        List<Layout.Derived> derived = new ArrayList<>();
        for (int i = 0; i < nd; i++) {
            derived.add(new Layout.Derived(in.readInt(), in.readInts(), in.readBoolean(), in.readInt(), in.readInt()));
        }
        int ng = in.readInt();
        List<GeneratedColumn> generated = new ArrayList<>();
        for (int i = 0; i < ng; i++) {
            generated.add(GeneratedColumn.read(in));
        }
        int nr = in.readInt();
        List<ColumnCondition> ranges = new ArrayList<>();
        for (int i = 0; i < nr; i++) {
            ranges.add(new ColumnCondition.Between(in.readInt(), in.readDouble(), in.readDouble()));
        }
        return new Layout(output, copyFrom, combos, derived, generated, new Condition(ranges), in.readStrings());
    }
}
