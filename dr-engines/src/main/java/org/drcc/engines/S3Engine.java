package org.drcc.engines;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Adobe S3Mock, run from its executable jar as its own JVM; objects live under {@code dataDir/s3}. */
public final class S3Engine implements AutoCloseable {

    static final String NAME = "s3";

    private final ChildProcess process;
    private final int port;
    private final int httpsPort;

    private S3Engine(ChildProcess process, int port, int httpsPort) {
        this.process = process;
        this.port = port;
        this.httpsPort = httpsPort;
    }

    /**
     * {@code httpsPort}: S3Mock also answers HTTPS there (a self-signed certificate), for pgBackRest, whose S3
     * driver speaks only HTTPS.
     */
    public static S3Engine launch(EngineSettings settings, List<String> buckets, int httpsPort) {
        Path jar = Java.jarOnClassPath("s3mock-", "-exec.jar");
        Path root = settings.dataDir().resolve("s3");
        List<String> args = List.of("-jar", jar.toString(),
                "--com.adobe.testing.s3mock.httpPort=" + settings.s3Port(),
                "--server.port=" + httpsPort,
                "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--com.adobe.testing.s3mock.store.retainFilesOnExit=true",
                "--com.adobe.testing.s3mock.store.initialBuckets=" + String.join(",", buckets),
                "--spring.main.banner-mode=off");
        ChildProcess process = ChildProcess.start(NAME, Java.command("384m", List.of(), args),
                settings.logDir(), settings.runDir());
        return new S3Engine(process, settings.s3Port(), httpsPort);
    }

    public void awaitReady() {
        process.awaitReady(this::answers, Duration.ofSeconds(90));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The HTTPS endpoint as pgBackRest names it ({@code repo-s3-endpoint}): host and port. */
    public String httpsHostAndPort() {
        return "127.0.0.1:" + httpsPort;
    }

    @Override
    public void close() {
        process.close();
    }

    private boolean answers() {
        if (!Ports.accepting(port)) {
            return false;
        }
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
