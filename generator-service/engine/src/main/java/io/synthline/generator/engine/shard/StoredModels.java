package io.synthline.generator.engine.shard;

import io.synthline.commons.store.DatasetStore;
import io.synthline.generator.engine.disclosure.CopyGuard;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a stored model with its copy guard, the same way in the service and in a shard's process. */
public final class StoredModels {
    private StoredModels() {
    }

    /**
     * @param guardKey where the model's copy guard would be (null: none); a private model never has one
     */
    public static SynthesisModel load(DatasetStore store, String modelKey, String guardKey, int threads) throws IOException {
        SynthesisModel model;
        try (InputStream in = store.open(modelKey)) {
            model = SynthesisModel.read(new BufferedInputStream(in, 1 << 16), threads);
        }
        if (model.isPrivate() || guardKey == null || !store.exists(guardKey)) {
            return model;
        }
        try (InputStream in = store.open(guardKey)) {
            return model.withGuard(CopyGuard.read(new BufferedInputStream(in, 1 << 16)));
        }
    }
}
