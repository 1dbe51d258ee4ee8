package io.synthline.profiler.engine;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvRowSource;
import io.synthline.commons.profile.Alert;
import io.synthline.commons.profile.AttributeTag;
import io.synthline.commons.profile.ColumnProfile;
import io.synthline.commons.profile.Correlations;
import io.synthline.commons.profile.DatasetProfile;
import io.synthline.commons.profile.PiiFinding;
import io.synthline.commons.profile.SourceInfo;
import io.synthline.commons.profile.TableSummary;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.RowSource;
import io.synthline.commons.table.TableSchema;
import io.synthline.parquet.ParquetFiles;
import io.synthline.profiler.engine.alerts.AlertRules;
import io.synthline.profiler.engine.attributes.AttributeTagger;
import io.synthline.profiler.engine.pii.PiiDetector;
import io.synthline.profiler.engine.scan.ColumnAccumulator;
import io.synthline.profiler.engine.scan.ColumnResult;
import io.synthline.profiler.engine.scan.ProfilePass;
import io.synthline.profiler.engine.stats.CorrelationMatrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Profiles a table in one streaming pass: types, counts, sketches, correlations, PII, attribute
 * tags and alerts (see {@link DatasetProfile}). Memory is bounded by sketches and fixed-size
 * samples, not by rows; work is spread over {@link ProfileOptions#threads()} threads with results
 * identical to a single-threaded run.
 */
public final class DatasetProfiler {
    private final ProfileOptions options;
    private final PiiDetector pii;
    private final AttributeTagger tagger = new AttributeTagger();
    private volatile long lastSerialCpuNanos;

    public DatasetProfiler(ProfileOptions options) {
        this(options, new PiiDetector());
    }

    DatasetProfiler(ProfileOptions options, PiiDetector pii) {
        this.options = options;
        this.pii = pii;
    }

    /** A Parquet file (recognised by its content) or a CSV file read with the given dialect. */
    public DatasetProfile profile(Path file, CsvOptions csv) {
        return profile(file, csv, file.getFileName().toString(), null);
    }

    /**
     * @param name   what the profile calls the source
     * @param sha256 the file's digest when the caller knows it, else null
     */
    public DatasetProfile profile(Path file, CsvOptions csv, String name, String sha256) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
        try (RowSource source = ParquetFiles.open(file, csv, options.threads())) {
            SourceInfo info = source instanceof CsvRowSource c
                    ? new SourceInfo(name, "csv", size, sha256, dialect(c))
                    : new SourceInfo(name, "parquet", size, sha256, null);
            return profile(source, info);
        }
    }

    public static SourceInfo.CsvDialect dialect(CsvRowSource source) {
        CsvOptions o = source.options();
        return new SourceInfo.CsvDialect(String.valueOf(o.delimiter()), String.valueOf(o.quote()), source.charset().name(),
                source.bomDetected(), o.header(), new ArrayList<>(new TreeSet<>(o.nullTokens())));
    }

    /** Consumes the rest of {@code source}; {@code info} describes it in the profile. */
    public DatasetProfile profile(RowSource source, SourceInfo info) {
        List<String> header = source.header();
        int n = header.size();
        TableSchema declared = declaredSchema(source);
        int correlationColumns = Math.min(n, options.maxCorrelationColumns());
        int sampleRows = (int) Math.min(options.correlationRowLimit(),
                ProfileOptions.CORRELATION_SAMPLE_CELLS / Math.max(1, correlationColumns));
        int piiSample = options.piiSampleValues(n);
        int kllK = options.kllK(n);
        List<ColumnAccumulator> accumulators = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ColumnSchema d = declared == null ? null : declared.indexOf(header.get(i)).isPresent()
                    ? declared.column(declared.indexOf(header.get(i)).getAsInt()) : null;
            accumulators.add(ColumnAccumulator.create(i, header.get(i), d, kllK, options.hllLgK(),
                    options.exactDistinctLimit(), piiSample, i < correlationColumns ? sampleRows : 0,
                    options.seed() * 31 + i));
        }
        ProfilePass pass = new ProfilePass(source, accumulators, options.threads(), sampleRows, options.seed(),
                options.duplicateTrackerRows());
        pass.run();
        lastSerialCpuNanos = pass.serialCpuNanos();
        long rows = pass.rows();
        if (rows == 0 && options.requireRows()) {
            throw new BadInputException("no-rows", "line 1: the file has a header but no data rows").detail("line", 1);
        }
        List<ColumnResult> results = accumulators.stream().map(ColumnResult::new).toList();
        List<Finished> finished;
        Correlations correlations;
        try (Parallel parallel = Parallel.open(options.threads(), "profiler-results")) {
            finished = parallel.map(results, options.threads() * 4, this::finish);
            correlations = new CorrelationMatrix(options).compute(results, correlationColumns, pass.sampleSize(),
                    pass.sampled(), parallel);
        }
        List<ColumnProfile> columns = finished.stream().map(Finished::profile).toList();
        List<PiiFinding> findings = finished.stream().flatMap(f -> f.pii().stream()).toList();
        List<AttributeTag> tags = finished.stream().flatMap(f -> f.tags().stream()).toList();
        long missing = columns.stream().mapToLong(ColumnProfile::nullCount).sum();
        long cells = rows * n;
        TableSummary table = new TableSummary(missing, cells == 0 ? 0 : (double) missing / cells, pass.duplicates());
        Map<String, Double> imbalance = new HashMap<>();
        for (ColumnResult r : results) {
            Map<String, Long> counts = r.exactCounts();
            if (counts != null) {
                imbalance.put(r.name(), AlertRules.imbalance(counts.values()));
            }
        }
        List<Alert> alerts = new AlertRules(options.alerts()).evaluate(rows, columns, table, correlations, findings, imbalance);
        TableSchema schema = new TableSchema(results.stream().map(ColumnResult::schema).toList());
        return new DatasetProfile(DatasetProfile.VERSION, null, info, Instant.now().truncatedTo(ChronoUnit.MILLIS), rows, n,
                schema, columns, table, correlations, findings, tags, alerts, options.settings(n));
    }

    /** For benchmarks: the serial CPU time of the last profile's pass (see {@link ProfilePass#serialCpuNanos()}). */
    public long lastSerialCpuNanos() {
        return lastSerialCpuNanos;
    }

    private record Finished(ColumnProfile profile, List<PiiFinding> pii, List<AttributeTag> tags) {
    }

    private Finished finish(ColumnResult r) {
        ColumnType type = r.schema().type();
        List<PiiFinding> found = r.count() == 0 ? List.of() : pii.detect(new PiiDetector.Column(r.name(), type,
                r.datePattern(), r.sample(), r.distinct().estimate(), r.count()), options.piiMinConfidence());
        List<AttributeTag> tags = tagger.tag(new AttributeTagger.Column(r.name(), type, r.exactCounts(), r.sample(), r.min(),
                r.max(), found), options.piiMinConfidence());
        boolean withheld = !found.isEmpty();
        return new Finished(r.profile(options.topValues(), options.histogramBins(), withheld, !tags.isEmpty()), found, tags);
    }

    /** The types declared by the file (Parquet), overridden by the user's explicit schema. */
    private TableSchema declaredSchema(RowSource source) {
        TableSchema fromFile = source.declaredSchema();
        TableSchema explicit = options.explicitSchema();
        if (explicit != null) {
            List<String> header = source.header();
            for (ColumnSchema c : explicit.columns()) {
                if (!header.contains(c.name())) {
                    throw new BadInputException("unknown-column", "the schema names column '" + c.name()
                            + "' which the data does not have; columns are " + abbreviate(header))
                            .detail("column", c.name());
                }
            }
        }
        if (fromFile == null) {
            return explicit;
        }
        return explicit == null ? fromFile : fromFile.overriddenBy(explicit);
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 20 ? names.toString() : names.subList(0, 20) + " and " + (names.size() - 20) + " more";
    }
}
