package io.synthline.generator;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.synthline.generator.shard.ShardMain;

/**
 * The generator image's entry point: the service, or with {@code shard ...} one shard of a
 * sharded generation (what the pods of a shard Job run), which exits without starting Quarkus.
 */
@QuarkusMain
public final class GeneratorMain {
    private GeneratorMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && ShardMain.COMMAND.equals(args[0])) {
            System.exit(ShardMain.run(args, System.getenv(), System.out, System.err));
        }
        Quarkus.run(args);
    }
}
