package io.synthline.cli;

import io.synthline.commons.api.BadInputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "synth", mixinStandardHelpOptions = true, version = "synth 0.1.0",
        description = "Synthline: privacy-safe synthetic tabular data.",
        subcommands = {ProfileCommand.class, GenerateCommand.class, EvaluateCommand.class, StackCommand.class,
                DemoCommand.class, AuditCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public class SynthCommand {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @Option(names = "--remote", scope = CommandLine.ScopeType.INHERIT, paramLabel = "URL",
            description = "Call the platform API at URL (an ingress routing /api/v1/*) instead of running engines in-process.")
    String remote;

    @Option(names = "--token", scope = CommandLine.ScopeType.INHERIT, paramLabel = "JWT",
            description = "Bearer token for --remote (default: $SYNTHLINE_TOKEN, or log in with --user).")
    String token;

    @Option(names = "--user", scope = CommandLine.ScopeType.INHERIT, paramLabel = "NAME",
            description = "Log in to the platform's Keycloak as NAME (password from $SYNTHLINE_PASSWORD) for --remote.")
    String user;

    @Option(names = "--issuer", scope = CommandLine.ScopeType.INHERIT, paramLabel = "URL",
            description = "OIDC issuer for --user (default: the local stack's realm).")
    String issuer;

    public String remoteOption() {
        return remote;
    }

    public String tokenOption() {
        return token;
    }

    public String userOption() {
        return user;
    }

    public String issuerOption() {
        return issuer;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI; used by main and by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SynthCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable cause = ex;
            if (cause instanceof UncheckedIOException u && u.getCause() != null) {
                cause = u.getCause();
            }
            if (cause instanceof BadInputException bad) {
                err.println("synth: " + bad.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (cause instanceof NoSuchFileException nsf) {
                err.println("synth: no such file: " + nsf.getFile());
                return EXIT_BAD_INPUT;
            }
            if (cause instanceof io.synthline.cli.client.ApiException api && api.status() >= 400 && api.status() < 500) {
                err.println("synth: " + api.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (cause instanceof UserError user) {
                err.println("synth: " + user.getMessage());
                return EXIT_BAD_INPUT;
            }
            err.println("synth: failed: " + cause);
            if (System.getenv("SYNTH_DEBUG") != null) {
                cause.printStackTrace(err);
            }
            return EXIT_FAILURE;
        });
        cli.setParameterExceptionHandler((ex, params) -> {
            err.println("synth: " + ex.getMessage());
            err.println("Try 'synth " + String.join(" ", ex.getCommandLine().getCommandSpec().qualifiedName().split(" ")).replaceFirst("^synth ?", "") + " --help'.");
            return EXIT_BAD_INPUT;
        });
        return cli.execute(args);
    }

    /** A mistake of the user's that is not an engine's {@link BadInputException} (wrong flag combination, missing file). */
    public static final class UserError extends RuntimeException {
        public UserError(String message) {
            super(message);
        }
    }
}
