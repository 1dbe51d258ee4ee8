package io.synthline.generator.engine.dp;

import io.synthline.commons.json.Json;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.TableSchema;
import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.pgm.AttributeDomain;
import io.synthline.generator.engine.pgm.CliqueMarginals;
import io.synthline.generator.engine.pgm.Factor;
import io.synthline.generator.engine.pgm.GraphicalModel;
import io.synthline.generator.engine.pgm.JunctionTree;
import io.synthline.generator.engine.pgm.ModelSampler;
import io.synthline.generator.engine.privacy.PrivacyReport;
import io.synthline.generator.engine.sampling.ColumnCondition;
import io.synthline.generator.engine.sampling.Condition;
import io.synthline.generator.engine.sampling.ConditionalSampling;
import io.synthline.generator.engine.sampling.ImpossibleConditionException;
import io.synthline.generator.engine.sampling.RowDrawer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A differentially private model: a graphical model over codes plus the codecs that turn codes
 * back into cells, and the report of what the fit spent. Everything here was computed from
 * noisy measurements only, so sampling any number of rows, conditioning, reweighting or storing
 * it is post-processing and costs no privacy.
 *
 * <p>Conditions enter as evidence: each code of a conditioned attribute is weighted by the
 * probability that a cell drawn for it satisfies the predicate (1/0 for categories, the share of
 * a numeric bin's mass inside a range), the model is recalibrated, and cells are then drawn
 * inside the predicate. That is the model's exact conditional distribution.
 */
public final class PrivateModel implements FittedModel, ConditionalSampling {
    private final String synthesizer;
    private final TableSchema schema;
    private final int[] columnOfAttribute;
    private final List<AttributeCodec> codecs;
    private final GraphicalModel model;
    private final PrivacyReport privacy;
    /** Per attribute, the predicate its cells must satisfy (null = none). */
    private final ColumnCondition[] restriction;
    private final ModelDomain domain;
    private volatile ModelSampler sampler;

    PrivateModel(String synthesizer, TableSchema schema, int[] columnOfAttribute, List<AttributeCodec> codecs,
            GraphicalModel model, PrivacyReport privacy) {
        this(synthesizer, schema, columnOfAttribute, codecs, model, privacy, new ColumnCondition[codecs.size()]);
    }

    private PrivateModel(String synthesizer, TableSchema schema, int[] columnOfAttribute, List<AttributeCodec> codecs,
            GraphicalModel model, PrivacyReport privacy, ColumnCondition[] restriction) {
        this.synthesizer = synthesizer;
        this.schema = schema;
        this.columnOfAttribute = columnOfAttribute;
        this.codecs = List.copyOf(codecs);
        this.model = model;
        this.privacy = privacy;
        this.restriction = restriction;
        this.domain = outputDomain(schema, columnOfAttribute, this.codecs);
    }

    /** Declared or privately learned domains for modelled columns; nothing for the others (always missing). */
    private static ModelDomain outputDomain(TableSchema schema, int[] columnOfAttribute, List<AttributeCodec> codecs) {
        List<ColumnDomain> columns = new ArrayList<>();
        for (ColumnSchema c : schema.columns()) {
            columns.add(c.type().isNumeric() ? ColumnDomain.numeric(c, Double.NaN, Double.NaN, 0) : ColumnDomain.categorical(c, List.of()));
        }
        for (int a = 0; a < columnOfAttribute.length; a++) {
            columns.set(columnOfAttribute[a], codecs.get(a).outputDomain());
        }
        return new ModelDomain(columns);
    }

    @Override
    public String synthesizer() {
        return synthesizer;
    }

    @Override
    public ModelDomain domain() {
        return domain;
    }

    @Override
    public TableSchema schema() {
        return schema;
    }

    public PrivacyReport privacy() {
        return privacy;
    }

    public GraphicalModel graphicalModel() {
        return model;
    }

    public List<AttributeCodec> codecs() {
        return codecs;
    }

    /** The number of records the model was estimated to describe (from noisy measurements only). */
    public double estimatedRecords() {
        return model.total();
    }

    @Override
    public RowDrawer newDrawer() {
        ModelSampler s = sampler();
        int[] codes = new int[model.domain().attributes()];
        return (random, row) -> {
            Arrays.fill(row, Double.NaN);
            s.draw(random, codes);
            for (int a = 0; a < codecs.size(); a++) {
                row[columnOfAttribute[a]] = restriction[a] == null ? codecs.get(a).cell(codes[a], random)
                        : codecs.get(a).cell(codes[a], random, restriction[a]);
            }
        };
    }

    private ModelSampler sampler() {
        ModelSampler s = sampler;
        if (s == null) {
            CliqueMarginals marginals = model.marginals();
            s = new ModelSampler(marginals);
            sampler = s;
        }
        return s;
    }

    @Override
    public PrivateModel given(Condition condition) {
        GraphicalModel conditioned = model;
        ColumnCondition[] restricted = restriction.clone();
        for (ColumnCondition p : condition.predicates()) {
            int a = attributeOf(p.column());
            if (a < 0) {
                if (!p.test(Double.NaN)) {
                    throw new ImpossibleConditionException("column '" + schema.columns().get(p.column()).name()
                            + "' is not modelled (always missing), so no row satisfies the condition on it");
                }
                continue;
            }
            if (restricted[a] != null) {
                throw new IllegalArgumentException("column " + p.column() + " is already conditioned on");
            }
            double[] weights = weights(a, p);
            if (Arrays.stream(weights).allMatch(w -> w == 0)) {
                throw new ImpossibleConditionException("no value of column '" + codecs.get(a).name() + "' the model can produce satisfies the condition");
            }
            conditioned = conditioned.reweighted(a, weights);
            restricted[a] = p;
        }
        PrivateModel result = new PrivateModel(synthesizer, schema, columnOfAttribute, codecs, conditioned, privacy, restricted);
        try {
            result.sampler();
        } catch (IllegalStateException e) {
            throw new ImpossibleConditionException("the model gives the condition probability zero");
        }
        return result;
    }

    @Override
    public double probability(Condition condition) {
        double p = 1;
        GraphicalModel current = model;
        for (ColumnCondition predicate : condition.predicates()) {
            int a = attributeOf(predicate.column());
            if (a < 0) {
                if (!predicate.test(Double.NaN)) {
                    return 0;
                }
                continue;
            }
            double[] weights = weights(a, predicate);
            double[] marginal;
            try {
                marginal = current.marginals().probability(new int[] {a}).values();
            } catch (IllegalStateException e) {
                return 0;
            }
            double share = 0;
            for (int k = 0; k < weights.length; k++) {
                share += marginal[k] * weights[k];
            }
            p *= share;
            if (!(p > 0)) {
                return 0;
            }
            current = current.reweighted(a, weights);
        }
        return p;
    }

    private double[] weights(int attribute, ColumnCondition p) {
        AttributeCodec codec = codecs.get(attribute);
        double[] w = new double[codec.size()];
        for (int k = 0; k < w.length; k++) {
            w[k] = codec.weight(k, p);
        }
        return w;
    }

    private int attributeOf(int column) {
        for (int a = 0; a < columnOfAttribute.length; a++) {
            if (columnOfAttribute[a] == column) {
                return a;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------ storage

    /**
     * Everything sampling needs, nothing else: the schema, the codecs (public or privately learned
     * domains and noisy bin weights), the junction tree and its potentials, the estimated total,
     * and the privacy report. All of it is a function of the noisy measurements.
     */
    @Override
    public void write(ModelOutput out) throws IOException {
        if (Arrays.stream(restriction).anyMatch(r -> r != null)) {
            throw new UnsupportedOperationException("a conditioned model is not stored; store the model and condition when sampling");
        }
        out.writeString(Json.write(schema));
        out.writeInts(columnOfAttribute);
        out.writeInt(codecs.size());
        for (AttributeCodec codec : codecs) {
            codec.write(out);
        }
        JunctionTree tree = model.tree();
        int[] sizes = new int[model.domain().attributes()];
        for (int a = 0; a < sizes.length; a++) {
            sizes[a] = model.domain().size(a);
        }
        out.writeInts(sizes);
        out.writeInt(tree.cliqueCount());
        int[] parents = new int[tree.cliqueCount()];
        for (int c = 0; c < tree.cliqueCount(); c++) {
            out.writeInts(tree.clique(c));
            parents[c] = tree.parent(c);
        }
        out.writeInts(parents);
        for (Factor f : model.potentials()) {
            out.writeDoubles(f.values());
        }
        out.writeDouble(model.total());
        out.writeString(Json.write(privacy));
    }

    static PrivateModel read(String synthesizer, ModelInput in) throws IOException {
        TableSchema schema = Json.read(in.readString(), TableSchema.class);
        int[] columnOfAttribute = in.readInts();
        int n = in.readInt();
        List<AttributeCodec> codecs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codecs.add(AttributeCodec.read(in));
        }
        AttributeDomain domain = new AttributeDomain(in.readInts());
        int cliques = in.readInt();
        List<int[]> members = new ArrayList<>();
        for (int c = 0; c < cliques; c++) {
            members.add(in.readInts());
        }
        JunctionTree tree = JunctionTree.of(domain, members, in.readInts());
        Factor[] potentials = new Factor[cliques];
        for (int c = 0; c < cliques; c++) {
            potentials[c] = new Factor(domain, tree.clique(c), in.readDoubles());
        }
        double total = in.readDouble();
        PrivacyReport privacy = Json.read(in.readString(), PrivacyReport.class);
        if (columnOfAttribute.length != codecs.size() || domain.attributes() != codecs.size()) {
            throw new IOException("corrupt model: " + codecs.size() + " codecs for " + domain.attributes() + " attributes");
        }
        return new PrivateModel(synthesizer, schema, columnOfAttribute, codecs, new GraphicalModel(tree, potentials, total), privacy);
    }
}
