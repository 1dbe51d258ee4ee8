package io.synthline.evaluator.mapping;

import com.fasterxml.jackson.core.type.TypeReference;
import io.synthline.commons.api.EvaluationView;
import io.synthline.commons.evaluation.EvaluationDocument;
import io.synthline.commons.json.Json;
import io.synthline.evaluator.repository.EvaluationEntity;
import io.vertx.mutiny.sqlclient.Row;
import java.util.Map;

/** From the evaluation table to the API's {@link EvaluationView}. */
public final class EvaluationMapper {
    /** The columns {@link #toListView(Row)} reads: everything a list shows, never the documents. */
    public static final String LIST_COLUMNS = "id, generation_id, dataset_id, request_id, status, overall_score, properties_json, "
            + "summary_json, options_json, error, created_at";

    private EvaluationMapper() {
    }

    /** @param withDocument whether the view carries the full evaluation document (a single evaluation, not a list) */
    public static EvaluationView toView(EvaluationEntity e, boolean withDocument) {
        EvaluationDocument doc = withDocument && e.resultJson != null ? Json.read(e.resultJson, EvaluationDocument.class) : null;
        return new EvaluationView(e.id.toString(), e.generationId.toString(), e.datasetId.toString(), e.requestId, e.status,
                e.overallScore, doubles(e.propertiesJson), doubles(e.summaryJson), settings(e.optionsJson), e.error, e.createdAt, doc,
                null);
    }

    /** A row of {@link #LIST_COLUMNS}, without the document. */
    public static EvaluationView toListView(Row r) {
        return new EvaluationView(r.getUUID("id").toString(), r.getUUID("generation_id").toString(),
                r.getUUID("dataset_id").toString(), r.getString("request_id"), r.getString("status"),
                r.getDouble("overall_score"), doubles(r.getString("properties_json")), doubles(r.getString("summary_json")),
                settings(r.getString("options_json")), r.getString("error"), r.getOffsetDateTime("created_at").toInstant(),
                null, null);
    }

    private static Map<String, Double> doubles(String json) {
        return json == null ? null : Json.mapper().convertValue(Json.read(json, Map.class), new TypeReference<Map<String, Double>>() { });
    }

    private static EvaluationView.Settings settings(String json) {
        return json == null ? null : Json.read(json, EvaluationView.Settings.class);
    }
}
