package io.synthline.cli.platform;

import io.synthline.cli.platform.PlatformLauncher.Service;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one route table of the platform address: which service answers which path. The local
 * gateway ({@link PlatformGateway}) routes by it, and the Kubernetes Ingress ({@code k8s/base/ingress.yaml})
 * is checked against it path by path, so {@code synth --remote URL} means the same thing on a laptop
 * and in a cluster.
 *
 * <p>Matching is the Ingress' {@code pathType: Prefix}: a prefix matches the path itself and every
 * path below it, element by element ({@code /api/v1/datasets} matches {@code /api/v1/datasets/7} but
 * not {@code /api/v1/datasetsX}); the longest matching prefix wins. A path no route matches is not
 * served (the services' own {@code /q/*} endpoints stay internal).
 */
public final class PlatformRoutes {
    /** One Ingress path: a {@code Prefix} path and the service (Kubernetes Service name = module) behind it. */
    public record Route(String prefix, Service service) {
    }

    public static final List<Route> ALL = List.of(
            new Route("/api/v1/datasets", Service.PROFILER),
            new Route("/api/v1/generations", Service.GENERATOR),
            new Route("/api/v1/evaluations", Service.EVALUATOR),
            // audit, governed datasets and generations, approvals, releases, lineage, budgets, alerts
            new Route("/api/v1", Service.GOVERNANCE),
            new Route("/dashboard", Service.GOVERNANCE),
            // where clients find the platform's OIDC issuer (RFC 9728), e.g. synth login
            new Route("/.well-known/oauth-protected-resource", Service.GOVERNANCE));

    private PlatformRoutes() {
    }

    /** The service that answers {@code path} (without the query), or empty when no route matches. */
    public static Optional<Service> serviceFor(String path) {
        return ALL.stream().filter(r -> matches(r.prefix(), path))
                .max(Comparator.comparingInt(r -> r.prefix().length())).map(Route::service);
    }

    /** Kubernetes' Prefix match: element-wise, a trailing slash of the path ignored. */
    static boolean matches(String prefix, String path) {
        if (path == null || !path.startsWith(prefix)) {
            return false;
        }
        return path.length() == prefix.length() || path.charAt(prefix.length()) == '/';
    }
}
