package io.synthline.generator.engine.generation;

import io.synthline.generator.engine.constraint.GeneratedColumn;
import io.synthline.generator.engine.disclosure.CopyGuard;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.output.ByteBlock;
import io.synthline.generator.engine.output.CsvRowEncoder;
import io.synthline.generator.engine.pii.Persona;
import io.synthline.generator.engine.pii.PiiColumn;
import io.synthline.generator.engine.random.FeistelPermutation;
import io.synthline.generator.engine.random.RowRandom;
import io.synthline.generator.engine.random.Seeds;
import io.synthline.generator.engine.sampling.RowDrawer;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes the rows of a run, one block at a time, on one thread: each row drawn from its own
 * stream, restored to the output columns, redrawn while it equals a real row, its generated
 * and PII columns filled, and encoded as CSV. Holds what one thread needs (drawer, streams,
 * buffers, generators), so every thread has its own.
 */
final class RowProducer {
    /** One block of encoded rows and what making them took. */
    record Block(ByteBlock bytes, int rows, long copies, long dropped) {
    }

    private final GenerationSettings settings;
    private final SynthesisModel model;
    private final RowDrawer drawer;
    private final RowRandom random = new RowRandom();
    private final RowRandom columnRandom = new RowRandom();
    private final double[] modelRow;
    private final double[] cells;
    private final String[] texts;
    private final CsvRowEncoder encoder;
    private final List<GeneratedColumn> generatedColumns;
    private final Object[] state;
    private final long[] columnSeeds;
    private final Map<Locale, Persona> personas = new LinkedHashMap<>();
    private final CopyGuard.Matcher realRows;

    RowProducer(SynthesisModel model, GenerationSettings settings, FittedModel sampler, String runId) {
        this.settings = settings;
        this.model = model;
        this.drawer = sampler.newDrawer();
        this.modelRow = new double[sampler.domain().size()];
        this.cells = new double[model.output().size()];
        this.texts = new String[model.output().size()];
        this.generatedColumns = model.layout().generated();
        boolean[] generated = new boolean[model.output().size()];
        for (GeneratedColumn g : generatedColumns) {
            generated[g.column()] = true;
        }
        this.encoder = new CsvRowEncoder(model.output(), generated, settings.provenanceColumns(), runId);
        this.state = new Object[generatedColumns.size()];
        this.columnSeeds = new long[generatedColumns.size()];
        this.realRows = model.guard().matcher();
        for (int i = 0; i < state.length; i++) {
            GeneratedColumn g = generatedColumns.get(i);
            columnSeeds[i] = Seeds.derive(settings.seed(), "column:" + model.output().column(g.column()).name());
            state[i] = switch (g) {
                case GeneratedColumn.Pattern p -> p.unique() ? p.permutation() : null;
                case GeneratedColumn.Pii p -> p.pii().generator(personas.computeIfAbsent(p.pii().locale(), PiiColumn::persona),
                        realRows.realValuesOf(p.column()));
                case GeneratedColumn.SequentialKey k -> null;
            };
        }
    }

    /** The rows of block {@code blockIndex} ({@link Generation#BLOCK_ROWS} rows from the run's first row). */
    Block produce(long blockIndex) {
        long from = blockIndex * Generation.BLOCK_ROWS;
        int count = (int) Math.min(Generation.BLOCK_ROWS, settings.rows() - from);
        ByteBlock bytes = new ByteBlock(count * 128 + 64);
        long copies = 0;
        long dropped = 0;
        int rows = 0;
        boolean exclude = settings.excludeTrainingCopies();
        for (int i = 0; i < count; i++) {
            long row = settings.firstRow() + from + i;
            boolean accepted = false;
            for (int attempt = 0; attempt < Generation.MAX_ATTEMPTS; attempt++) {
                drawer.draw(random.reseed(settings.seed(), row, attempt), modelRow);
                model.layout().restore(modelRow, cells);
                if (exclude && realRows.isCopy(cells)) {
                    copies++;
                    continue;
                }
                accepted = true;
                break;
            }
            if (!accepted) {
                dropped++;
                continue;
            }
            fillGenerated(row);
            encoder.encode(cells, texts, row, bytes);
            rows++;
        }
        return new Block(bytes, rows, copies, dropped);
    }

    private void fillGenerated(long row) {
        if (state.length == 0) {
            return;
        }
        for (var persona : personas.values()) {
            PiiColumn.resetPersona(persona, settings.seed(), row, 0);
        }
        for (int i = 0; i < state.length; i++) {
            GeneratedColumn g = generatedColumns.get(i);
            columnRandom.reseed(columnSeeds[i], row, 0);
            texts[g.column()] = switch (g) {
                case GeneratedColumn.SequentialKey k -> k.value(row);
                case GeneratedColumn.Pattern p -> p.value(row, columnRandom, (FeistelPermutation) state[i]);
                case GeneratedColumn.Pii p when p.modelColumn() >= 0 ->
                        ((PiiColumn.Generator) state[i]).birthDate(modelRow[p.modelColumn()], columnRandom);
                case GeneratedColumn.Pii p -> ((PiiColumn.Generator) state[i]).value(row, columnRandom);
            };
        }
    }
}
