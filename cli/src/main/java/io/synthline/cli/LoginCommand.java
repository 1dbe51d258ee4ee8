package io.synthline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.cli.client.ApiClient;
import io.synthline.cli.client.ApiEndpoints;
import io.synthline.cli.client.PlatformSession;
import io.synthline.stack.AccessToken;
import io.synthline.stack.KeycloakTokens;
import io.synthline.stack.StackEndpoints;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code synth login URL --user NAME}: logs in at the platform's Keycloak (the issuer the platform
 * names in its OAuth resource metadata) and keeps the URL and tokens, so that later commands need
 * neither {@code --remote URL} nor a password.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log in to a platform and keep the login (URL, user, tokens refreshed from Keycloak) in "
                + "~/.synthline/cli/session.json (owner-only, 0600): later commands run there without --remote URL.",
                "The password comes from $SYNTHLINE_PASSWORD, --password-stdin or a prompt."})
public class LoginCommand implements Callable<Integer> {
    @ParentCommand
    SynthCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "the platform's address, e.g. http://127.0.0.1:18090")
    String url;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
        String user = root.userOption();
        if (user == null) {
            throw new SynthCommand.UserError("give the user: synth login " + url + " --user NAME");
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new SynthCommand.UserError("the platform URL must start with http:// or https://, got '" + url + "'");
        }
        String issuer = ApiClient.issuerFor(url, root.issuerOption(), null);
        AccessToken token = KeycloakTokens.passwordGrant(issuer, StackEndpoints.CLI_CLIENT_ID, user, password(user));
        PlatformSession session = PlatformSession.of(url, user, issuer, StackEndpoints.CLI_CLIENT_ID, token);
        // prove that the platform takes the token before keeping it
        JsonNode datasets = new ApiClient(ApiEndpoints.single(session.url()), token::token)
                .get(ApiEndpoints.single(session.url()).profiler(), "/api/v1/datasets");
        session.save();
        spec.commandLine().getOut().printf("logged in to %s as %s (tenant %s, roles %s); %d datasets visible%n"
                + "the login is kept in %s; commands run there without --remote URL; synth logout forgets it%n",
                session.url(), user, token.tenant(), String.join(", ", token.realmRoles().stream()
                        .filter(r -> !r.startsWith("default-roles") && !r.equals("offline_access") && !r.equals("uma_authorization")).toList()),
                datasets.size(), PlatformSession.file());
        return SynthCommand.EXIT_OK;
    }

    private String password(String user) throws IOException {
        String env = System.getenv("SYNTHLINE_PASSWORD");
        if (env != null) {
            return env;
        }
        if (passwordStdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new SynthCommand.UserError("--password-stdin: standard input is empty");
            }
            return line;
        }
        if (System.console() == null) {
            throw new SynthCommand.UserError("no terminal to ask for the password: set $SYNTHLINE_PASSWORD or use --password-stdin");
        }
        char[] typed = System.console().readPassword("Password for %s: ", user);
        if (typed == null) {
            throw new SynthCommand.UserError("no password given");
        }
        return new String(typed);
    }

    @Command(name = "logout", mixinStandardHelpOptions = true, description = "Forget the login kept by synth login.")
    public static class Logout implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PlatformSession session = PlatformSession.load();
            boolean had = PlatformSession.delete();
            spec.commandLine().getOut().println(had ? "logged out of " + (session != null ? session.url() : "the platform")
                    : "not logged in");
            return SynthCommand.EXIT_OK;
        }
    }
}
