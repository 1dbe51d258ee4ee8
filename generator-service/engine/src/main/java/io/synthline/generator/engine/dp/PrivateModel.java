package io.synthline.generator.engine.dp;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.TableSchema;
import io.synthline.generator.engine.FittedModel;
import io.synthline.generator.engine.RowSink;
import io.synthline.generator.engine.pgm.CliqueMarginals;
import io.synthline.generator.engine.pgm.GraphicalModel;
import io.synthline.generator.engine.pgm.ModelSampler;
import io.synthline.generator.engine.privacy.PrivacyReport;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A differentially private model: a graphical model over codes plus the codecs that turn codes
 * back into values, and the report of what the fit spent. Everything here was computed from
 * noisy measurements only, so sampling any number of rows, conditioning or reweighting it is
 * post-processing and costs no privacy.
 */
public final class PrivateModel implements FittedModel {
    /** Rows are drawn in chunks so that controlled rounding never needs more than this many rows in memory. */
    static final int CHUNK = 1 << 16;

    private final String synthesizer;
    private final TableSchema schema;
    private final int[] columnOfAttribute;
    private final List<AttributeCodec> codecs;
    private final GraphicalModel model;
    private final PrivacyReport privacy;
    private volatile ModelSampler sampler;

    PrivateModel(String synthesizer, TableSchema schema, int[] columnOfAttribute, List<AttributeCodec> codecs,
            GraphicalModel model, PrivacyReport privacy) {
        this.synthesizer = synthesizer;
        this.schema = schema;
        this.columnOfAttribute = columnOfAttribute;
        this.codecs = List.copyOf(codecs);
        this.model = model;
        this.privacy = privacy;
    }

    @Override
    public String synthesizer() {
        return synthesizer;
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

    @Override
    public void sample(long rows, long seed, RowSink sink) {
        if (rows < 0) {
            throw new BadInputException("invalid-rows", "rows must not be negative, got " + rows);
        }
        ModelSampler s = sampler();
        SplittableRandom random = new SplittableRandom(seed);
        String[] row = new String[schema.size()];
        for (long done = 0; done < rows; ) {
            int chunk = (int) Math.min(CHUNK, rows - done);
            int[][] codes = s.sample(chunk, random);
            for (int r = 0; r < chunk; r++) {
                for (int a = 0; a < codecs.size(); a++) {
                    row[columnOfAttribute[a]] = codecs.get(a).decode(codes[a][r], random);
                }
                sink.accept(row);
            }
            done += chunk;
        }
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
}
