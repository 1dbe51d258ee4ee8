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
        footer = {"", "Benchmarks: synth bench profile|generate|evaluate|dp|relational (a launcher of their own, the bench module; see docs/benchmarks.md)."},
        subcommands = {ProfileCommand.class, GenerateCommand.class, EvaluateCommand.class, LoginCommand.class, LoginCommand.Logout.class,
                PlatformCommands.Datasets.class, PlatformCommands.Runs.class, PlatformCommands.Download.class,
                PlatformCommands.Report.class, PlatformCommands.Approve.class, PlatformCommands.Refuse.class, StackCommand.class,
                DemoCommand.class, AuditCommand.class, CommandLine.HelpCommand.class})
public class SynthCommand {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;
    /** A platform run ended without released output (refused, failed, cancelled or quarantined). */
    public static final int EXIT_NOT_RELEASED = 3;

    /** The value of a bare {@code --remote}: the platform of {@code synth login}. */
    static final String LOGGED_IN_PLATFORM = "";

    @Option(names = "--remote", scope = CommandLine.ScopeType.INHERIT, paramLabel = "URL", arity = "0..1",
            parameterConsumer = RemoteUrl.class,
            description = "Run on the platform at URL (its one address: gateway or Ingress) instead of in-process; "
                    + "without URL: the platform of 'synth login'.")
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

    /** Whether the command should run on the platform ({@code --remote} with or without URL). */
    public boolean remote() {
        return remote != null;
    }

    /** The URL of {@code --remote URL}, or null (no flag, or a bare {@code --remote}: the logged-in platform). */
    public String remoteOption() {
        return remote == null || remote.equals(LOGGED_IN_PLATFORM) ? null : remote;
    }

    /**
     * {@code --remote} takes the next argument as its URL only when it looks like one, so that
     * {@code synth generate --remote data.csv} means "on the logged-in platform" and not "at data.csv".
     */
    static final class RemoteUrl implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(java.util.Stack<String> args, CommandLine.Model.ArgSpec argSpec,
                CommandLine.Model.CommandSpec commandSpec) {
            if (!args.isEmpty() && (args.peek().startsWith("http://") || args.peek().startsWith("https://"))) {
                argSpec.setValue(args.pop());
            } else {
                argSpec.setValue(LOGGED_IN_PLATFORM);
            }
        }
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
        return run(new SynthCommand(), args, out, err);
    }

    /**
     * Runs a picocli command with the CLI's exit codes and error messages (bad input: one line and exit 2); also
     * the entry of the {@code synth bench} launcher, which lives in a module of its own.
     */
    public static int run(Object command, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(command);
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
            if (cause instanceof io.synthline.cli.client.RunWatch.NotReleased notReleased) {
                err.println("synth: " + notReleased.getMessage());
                return EXIT_NOT_RELEASED;
            }
            if (cause instanceof io.synthline.stack.KeycloakTokenException login) {
                err.println("synth: " + login.getMessage());
                return login.httpStatus() >= 400 && login.httpStatus() < 500 ? EXIT_BAD_INPUT : EXIT_FAILURE;
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
