package io.synthline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.cli.client.PlatformSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kept login and how commands find their platform (the flow against a real platform: e2e RemoteCliFlowIT). */
class PlatformLoginTest {
    static final Path SAMPLE = Path.of("../samples/adult-sample.csv");

    @TempDir
    Path home;

    String realHome;

    @BeforeEach
    void ownHome() {
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        System.setProperty("user.home", realHome);
    }

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SynthCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void aBareRemoteMeansTheLoggedInPlatformAndNeverTakesTheFileAsItsUrl() {
        String[] r = run("generate", "--remote", SAMPLE.toString(), "--rows", "10", "--seed", "1", "--out", home.resolve("o.csv").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("not logged in to a platform: synth login URL --user NAME");

        String[] withUrl = run("runs", "--remote", "http://127.0.0.1:9");
        assertThat(withUrl[0]).isEqualTo("2");
        assertThat(withUrl[2]).contains("not logged in to http://127.0.0.1:9");
    }

    @Test
    void theLoginIsKeptForItsOwnerOnlyAndUsedWhileValid() throws Exception {
        PlatformSession s = new PlatformSession("http://127.0.0.1:18090", "acme-scientist", "http://127.0.0.1:18080/realms/synthline",
                "synthline-cli", "header.payload.signature", Instant.now().plusSeconds(600), "refresh-token");
        s.save();
        Path file = PlatformSession.file();
        assertThat(file).isEqualTo(home.resolve(".synthline/cli/session.json"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");

        PlatformSession loaded = PlatformSession.load();
        assertThat(loaded).isEqualTo(s);
        assertThat(loaded.isFor("http://127.0.0.1:18090/")).isTrue();
        assertThat(loaded.validToken()).isEqualTo("header.payload.signature");
        assertThat(loaded.toString()).doesNotContain("header.payload", "refresh-token");

        // an expired login without a refresh token says how to log in again
        new PlatformSession(s.url(), s.user(), s.issuer(), s.clientId(), "old", Instant.now().minusSeconds(5), null).save();
        String[] r = run("runs");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("your login to http://127.0.0.1:18090 has expired: synth login http://127.0.0.1:18090 --user acme-scientist");

        assertThat(run("logout")[1]).contains("logged out of http://127.0.0.1:18090");
        assertThat(file).doesNotExist();
    }
}
