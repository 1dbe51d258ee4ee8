package io.synthline.governance.dashboard;

import io.quarkus.qute.TemplateExtension;
import io.synthline.commons.api.GovernedGenerationView;

/** What the dashboard's templates ask of a run or an evaluation row beyond its fields ({@code {run.summary}}). */
@TemplateExtension
final class DashboardViews {
    private DashboardViews() {
    }

    static ScoreSummary summary(GovernedGenerationView g) {
        return ScoreSummary.of(g.scores());
    }

    static ScoreSummary summary(DashboardQueries.EvaluationRow e) {
        return ScoreSummary.of(e.scores());
    }
}
