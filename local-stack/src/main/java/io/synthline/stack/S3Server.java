package io.synthline.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An S3-compatible server: Adobe's S3Mock (Apache-2.0) from its executable jar on Maven Central,
 * a Spring Boot server that keeps buckets and objects as files under this stack's data dir and
 * answers the S3 REST API, including multipart uploads and the server-side encryption headers
 * (it confirms {@code x-amz-server-side-encryption} in its answers to PUT and to the completion
 * of a multipart upload, returns it on HEAD of objects written with one PUT, and accepts SSE-KMS
 * only with the key it knows: {@link StackEndpoints#S3_KMS_KEY_ID}). S3Proxy was the first
 * choice but answers 501 to any request carrying an SSE header.
 *
 * <p>It listens on {@link StackPort#S3} at 127.0.0.1 and nowhere else. S3Mock's own web server
 * factory always adds a second plain-HTTP connector bound to every interface, for clients that
 * cannot speak HTTPS to its main one; the stack replaces that factory with Spring Boot's plain one
 * (an XML bean definition, {@link #SINGLE_CONNECTOR}, that overrides the bean of the same name), so
 * the only connector is the main one, configured by the {@code server.*} options below.
 */
final class S3Server extends ManagedServer {

    /**
     * The web server factory without S3Mock's second connector. S3Mock's factory also makes Tomcat
     * decode {@code %2F} in paths and accept backslashes, for object keys holding them; storage keys
     * have neither (their syntax is letters, digits and {@code . _ - /}).
     */
    static final String SINGLE_CONNECTOR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <beans xmlns="http://www.springframework.org/schema/beans"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="http://www.springframework.org/schema/beans
                                       https://www.springframework.org/schema/beans/spring-beans.xsd">
              <!-- overrides S3MockConfiguration#webServerFactory: only the main connector, on server.address -->
              <bean id="webServerFactory" class="org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory"/>
            </beans>
            """;

    S3Server(StackConfig config, Consumer<String> progress) {
        super(config, Component.S3, progress);
    }

    String url() {
        return "http://" + config.host() + ":" + config.port(StackPort.S3);
    }

    @Override
    boolean isOurs(List<String> commandLine) {
        return isOurJvm(commandLine);
    }

    /** The bucket answers a listing: the server is up and has created it. */
    @Override
    boolean healthy() {
        return Probes.httpOk(url() + "/" + StackEndpoints.S3_BUCKET + "?list-type=2&max-keys=1");
    }

    @Override
    String endpoint() {
        return url();
    }

    @Override
    Duration startupTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    Process launch() throws IOException {
        Files.createDirectories(workDir().resolve("data"));
        Path singleConnector = workDir().resolve("single-connector.xml");
        Files.writeString(singleConnector, SINGLE_CONNECTOR);
        Processes.rotate(logFile());
        String s3mock = "--com.adobe.testing.s3mock.";
        List<String> cmd = new ArrayList<>();
        cmd.add(Processes.javaExecutable().toString());
        cmd.addAll(jvmMarkers());
        cmd.addAll(List.of(
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-jar", Distributions.s3mockJar().toString(),
                "--server.address=" + config.host(),
                "--server.port=" + config.port(StackPort.S3),
                "--server.ssl.enabled=false",
                "--spring.main.sources=" + singleConnector.toUri(),
                "--spring.main.allow-bean-definition-overriding=true",
                s3mock + "store.root=" + workDir().resolve("data"),
                s3mock + "store.retainFilesOnExit=true",
                s3mock + "store.initialBuckets=" + StackEndpoints.S3_BUCKET,
                s3mock + "store.validKmsKeys=" + StackEndpoints.S3_KMS_KEY_ARN,
                s3mock + "store.region=" + StackEndpoints.S3_REGION,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.com.adobe.testing.s3mock.S3MockApplication=INFO",
                // Large uploads go through multipart (parts of 5 MiB and more); the default would refuse them.
                "--spring.servlet.multipart.max-file-size=-1",
                "--server.tomcat.max-swallow-size=-1"));
        return Processes.launchDetached(cmd, workDir(), Map.of(), logFile());
    }
}
