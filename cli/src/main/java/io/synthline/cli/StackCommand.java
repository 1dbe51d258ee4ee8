package io.synthline.cli;

import io.synthline.stack.StackMain;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "stack", description = "Manage the local PostgreSQL, Kafka and Keycloak: up | down | status | purge [options]. "
        + "Run 'synth stack --help' for the options.")
public class StackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", description = "up, down, status or purge")
    String action;

    @Unmatched
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (action != null) {
            args.add(action);
        }
        args.addAll(options);
        return StackMain.run(args.toArray(String[]::new), stream(spec.commandLine().getOut()),
                stream(spec.commandLine().getErr()));
    }

    private static PrintStream stream(PrintWriter writer) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                writer.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writer.write(new String(b, off, len, StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
                writer.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
