package io.synthline.generator;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.api.ConstraintSpec;
import io.synthline.commons.api.OutputSpec;
import io.synthline.commons.api.DeclaredColumn;
import io.synthline.commons.api.PiiSpec;
import io.synthline.commons.api.PrivacySpec;
import io.synthline.commons.api.RebalanceSpec;
import io.synthline.generator.engine.generation.GenerationManifest;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.artifact.ModelManifest;
import io.synthline.generator.engine.privacy.DomainProvenance;
import io.synthline.generator.engine.privacy.PrivacyReport;
import io.synthline.generator.engine.shard.ShardRecord;
import io.synthline.generator.engine.shard.ShardTask;

/** Types Jackson reads or writes by reflection in stored JSON (requests, manifests, shard tasks and records), kept in native images. */
@RegisterForReflection(targets = {ConditionSpec.class, RebalanceSpec.class, ConstraintSpec.class, ConstraintSpec.FixedCombinations.class,
        ConstraintSpec.Inequality.class, ConstraintSpec.Range.class, ConstraintSpec.Format.class, ConstraintSpec.Unique.class,
        PiiSpec.class, OutputSpec.class, GenerationManifest.class, ModelManifest.class, ModelSpec.class,
        PrivacySpec.class, DeclaredColumn.class, PrivacyReport.class, PrivacyReport.MechanismUse.class, DomainProvenance.class,
        ShardTask.class, ShardRecord.class, GenerationSettings.class})
public final class GeneratorReflection {
    private GeneratorReflection() {
    }
}
