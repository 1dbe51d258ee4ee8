package io.synthline.cli.platform;

import io.synthline.cli.platform.PlatformLauncher.Service;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;

/**
 * The local stack's single platform address: a reverse proxy (Vert.x HTTP proxy) on 127.0.0.1 that
 * sends each request to the service {@link PlatformRoutes} names, as the Kubernetes Ingress does.
 * Bodies stream in both directions (uploads of gigabytes are never buffered); the client's
 * {@code Host} is kept, so the dashboard's OIDC redirects come back to the gateway.
 */
public final class PlatformGateway implements AutoCloseable {
    /** Large enough for the dashboard's encrypted session cookie and long query strings. */
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final HttpServer server;

    private PlatformGateway(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /**
     * Listens on 127.0.0.1:{@code port} and routes to the services on 127.0.0.1 at {@code portOf}.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static PlatformGateway start(int port, ToIntFunction<Service> portOf) {
        // Netty's direct use of sun.misc.Unsafe prints JDK deprecation warnings into the demo's output; a local proxy does not need it
        if (System.getProperty("io.netty.noUnsafe") == null) {
            System.setProperty("io.netty.noUnsafe", "true");
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(32).setKeepAlive(true)
                .setMaxHeaderSize(MAX_HEADER_BYTES));
        HttpProxy proxy = HttpProxy.reverseProxy(client).originSelector(request -> Future.succeededFuture(
                SocketAddress.inetSocketAddress(portOf.applyAsInt(route(request).orElseThrow()), "127.0.0.1")));
        // keep the client's Host (as the Ingress does): services build redirect and link URLs from it
        proxy.addInterceptor(new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                HostAndPort asked = context.request().proxiedRequest().authority();
                if (asked != null) {
                    context.request().setAuthority(asked);
                }
                return context.sendRequest();
            }
        });
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)
                        .setMaxHeaderSize(MAX_HEADER_BYTES).setMaxInitialLineLength(16 * 1024)
                        // HTTP/1.1 only, like the services: an h2c upgrade would turn uploads into bodies of unknown length
                        .setHttp2ClearTextEnabled(false))
                .requestHandler(request -> {
                    if (route(request).isPresent()) {
                        proxy.handle(request);
                    } else {
                        notRouted(request);
                    }
                });
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            vertx.close();
            throw new IllegalStateException("the platform gateway cannot listen on 127.0.0.1:" + port + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        } catch (InterruptedException e) {
            vertx.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new PlatformGateway(vertx, server);
    }

    /** The port it listens on (the one asked for). */
    public int port() {
        return server.actualPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * The route of a request; paths with dot segments are not routed (a prefix match on
     * {@code /api/v1/datasets/../audit} would pick another service than the path names).
     */
    static Optional<Service> route(HttpServerRequest request) {
        String path = request.path();
        try {
            if (path == null || !path.startsWith("/") || !URI.create(path).normalize().getRawPath().equals(path)) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
        return PlatformRoutes.serviceFor(path);
    }

    private static void notRouted(HttpServerRequest request) {
        String body = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no service of the platform answers "
                + "this path; the platform serves /api/v1/*, /dashboard and /.well-known/oauth-protected-resource\"}";
        request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json").end(body);
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // closing is best effort: the process ends soon after
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
