package io.synthline.generator.engine;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.GenerationRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one mapping from a {@link GenerationRequest} (API body, CLI options, spec file) to what
 * the engine runs: the fit-time {@link ModelSpec} and the sampling {@link GenerationSettings}.
 */
public final class Requests {
    public static final String CSV = "csv";
    public static final String PARQUET = "parquet";

    private Requests() {
    }

    /**
     * @param flaggedPii columns the dataset's profile flags as PII (name to kind, null kind = guess);
     *                   the request's own PII settings win for the columns they name
     */
    public static ModelSpec modelSpec(GenerationRequest request, Map<String, String> flaggedPii) {
        Map<String, String> pii = new LinkedHashMap<>();
        if (flaggedPii != null) {
            flaggedPii.forEach((k, v) -> pii.put(k, v == null ? "" : v));
        }
        String locale = null;
        if (request.pii() != null) {
            if (request.pii().columns() != null) {
                request.pii().columns().forEach((k, v) -> pii.put(k, v == null ? "" : v));
            }
            locale = request.pii().locale();
        }
        return new ModelSpec(request.model(), request.modelOptions(), request.constraints(), pii, locale);
    }

    public static GenerationSettings settings(GenerationRequest request, long seed, int threads) {
        if (request.rows() == null) {
            throw new BadInputException("invalid-rows", "rows is required");
        }
        boolean provenance = request.output() != null && Boolean.TRUE.equals(request.output().provenanceColumns());
        boolean exclude = request.excludeTrainingCopies() == null || request.excludeTrainingCopies();
        return new GenerationSettings(request.rows(), seed, 0, request.conditions(), request.rebalance(), provenance, exclude, threads);
    }

    /** {@code csv} or {@code parquet}; anything else is a 400. */
    public static String format(GenerationRequest request) {
        String f = request.output() == null || request.output().format() == null ? CSV
                : request.output().format().strip().toLowerCase(Locale.ROOT);
        if (!f.equals(CSV) && !f.equals(PARQUET)) {
            throw new BadInputException("invalid-format", "output format must be csv or parquet, got '" + request.output().format() + "'");
        }
        return f;
    }
}
