package io.synthline.generator.shard;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.store.DatasetStore;
import io.synthline.generator.engine.shard.ShardRecord;
import io.synthline.generator.engine.shard.ShardRunner;
import io.synthline.generator.engine.shard.ShardTask;
import io.synthline.store.DatasetStores;
import io.synthline.store.StoreSettings;
import java.io.PrintStream;
import java.util.Map;

/**
 * The shard pod's entry point, {@code shard --task KEY [--index N]}: samples one shard of a stored
 * {@link ShardTask} into the store and exits (0 when the shard is done, also when it had been
 * done before; 1 on failure, which makes Kubernetes retry the index). The index comes from the
 * Indexed Job's {@code JOB_COMPLETION_INDEX} unless given. Plain Java: no Quarkus, no database,
 * no Kafka; the store is configured from the environment as for the service
 * ({@code SYNTHLINE_STORE_KIND}, {@code SYNTHLINE_STORE_ROOT}, {@code SYNTHLINE_STORE_S3_*}).
 */
public final class ShardMain {
    public static final String COMMAND = "shard";
    public static final String TASK_OPTION = "--task";
    public static final String INDEX_OPTION = "--index";

    private ShardMain() {
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String taskKey = null;
        String index = env.get("JOB_COMPLETION_INDEX");
        for (int i = 1; i < args.length; i++) {
            if (TASK_OPTION.equals(args[i]) && i + 1 < args.length) {
                taskKey = args[++i];
            } else if (INDEX_OPTION.equals(args[i]) && i + 1 < args.length) {
                index = args[++i];
            } else {
                err.println("usage: shard --task KEY [--index N] (index defaults to JOB_COMPLETION_INDEX); unknown argument " + args[i]);
                return 2;
            }
        }
        if (taskKey == null || index == null) {
            err.println("usage: shard --task KEY [--index N]: the task key and an index (or JOB_COMPLETION_INDEX) are required");
            return 2;
        }
        try {
            DatasetStore store = store(env);
            ShardTask task = ShardTask.load(store, taskKey);
            int threads = env.containsKey("SYNTHLINE_GENERATOR_THREADS") && Integer.parseInt(env.get("SYNTHLINE_GENERATOR_THREADS")) > 0
                    ? Integer.parseInt(env.get("SYNTHLINE_GENERATOR_THREADS")) : Parallel.defaultThreads();
            long started = System.nanoTime();
            ShardRunner.Outcome outcome = ShardRunner.run(store, task, Integer.parseInt(index), threads);
            ShardRecord r = outcome.record();
            out.printf("shard %d: %s rows %d..%d (%d written, %d bytes, sha256 %s) in %d ms%n", r.index(),
                    outcome.skipped() ? "already finished, skipped" : "sampled", r.firstRow(), r.firstRow() + r.rowsRequested() - 1,
                    r.rowsWritten(), r.bytes(), r.sha256(), (System.nanoTime() - started) / 1_000_000);
            return 0;
        } catch (Exception e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "a stored object is missing (" + e.getMessage() + ")"
                    : e.getMessage();
            err.println("shard " + index + " of task " + taskKey + " failed: " + why);
            return 1;
        }
    }

    /** The store the service uses, from the same settings as environment variables (a directory or an S3 bucket). */
    static DatasetStore store(Map<String, String> env) throws java.io.IOException {
        return DatasetStores.open(StoreSettings.fromEnvironment(env));
    }
}
