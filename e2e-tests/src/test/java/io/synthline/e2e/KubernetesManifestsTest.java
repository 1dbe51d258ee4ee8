package io.synthline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.synthline.commons.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests, parsed into typed fabric8 models (a typo in a field fails parsing or
 * leaves it null), checked for the properties operations rely on, and applied to a CRUD-mode
 * mock API server.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesManifestsTest {
    static final Path BASE = Path.of("../k8s/base");
    static final Set<String> SERVICES = Set.of("profiler-service", "generator-service", "evaluator-service", "governance-service");

    KubernetesClient client;
    static List<HasMetadata> resources;

    @BeforeAll
    static void load() throws IOException {
        JsonNode kustomization = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(BASE.resolve("kustomization.yaml").toFile());
        resources = new ArrayList<>();
        for (JsonNode file : kustomization.get("resources")) {
            Path p = BASE.resolve(file.asText());
            assertThat(p).as("resource listed in kustomization.yaml").exists();
            try (InputStream in = Files.newInputStream(p)) {
                // one document gives the object, several give a list
                Object parsed = io.fabric8.kubernetes.client.utils.Serialization.unmarshal(in);
                if (parsed instanceof List<?> many) {
                    many.forEach(o -> resources.add((HasMetadata) o));
                } else {
                    resources.add((HasMetadata) parsed);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(r -> (T) r).toList();
    }

    @Test
    void everyServiceIsAHardenedDeploymentWithProbesAndAService() {
        List<Deployment> deployments = all(Deployment.class);
        assertThat(deployments).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(SERVICES);
        Set<String> configKeys = all(ConfigMap.class).stream().flatMap(c -> c.getData().keySet().stream()).collect(Collectors.toSet());
        for (Deployment d : deployments) {
            var pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(d.getMetadata().getName()).isTrue();
            // only the generator talks to the API server (its shard Jobs); the others get no token
            assertThat(pod.getAutomountServiceAccountToken()).as(d.getMetadata().getName())
                    .isEqualTo(d.getMetadata().getName().equals("generator-service"));
            Container c = pod.getContainers().getFirst();
            assertThat(c.getImage()).isNotBlank();
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(c.getResources().getLimits()).containsKey("memory");
            Map<String, String> env = c.getEnv().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
            // inside a pod the service must listen on the pod address, not only on loopback
            assertThat(env).containsEntry("QUARKUS_HTTP_HOST", "0.0.0.0");
            // metrics live on the management interface: a port of its own, exposed for Prometheus only
            assertThat(env).containsEntry("QUARKUS_MANAGEMENT_HOST", "0.0.0.0").containsEntry("QUARKUS_MANAGEMENT_PORT", "9000");
            assertThat(c.getPorts()).anyMatch(p -> "management".equals(p.getName()) && p.getContainerPort() == 9000);
            c.getEnvFrom().forEach(ef -> assertThat(ef.getConfigMapRef().getName()).isEqualTo("synthline-config"));
            assertThat(configKeys).contains("SYNTHLINE_KAFKA_BOOTSTRAP", "SYNTHLINE_OIDC_URL", "SYNTHLINE_STORE_ROOT", "SYNTHLINE_DB_HOST");
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
            Service svc = all(Service.class).stream().filter(s -> s.getMetadata().getName().equals(d.getMetadata().getName()))
                    .findFirst().orElseThrow();
            assertThat(podLabels).containsAllEntriesOf(svc.getSpec().getSelector());
        }
    }

    @Test
    void ingressRoutesExactlyAsTheLocalGatewayAndTopicsMatchTheContracts() {
        Ingress ingress = all(Ingress.class).getFirst();
        var paths = ingress.getSpec().getRules().getFirst().getHttp().getPaths();
        assertThat(paths).allSatisfy(p -> assertThat(p.getPathType()).as(p.getPath()).isEqualTo("Prefix"));
        Map<String, String> routes = paths.stream().collect(Collectors.toMap(p -> p.getPath(), p -> p.getBackend().getService().getName()));
        // one route table: the Ingress and the local gateway (synth demo's platform address) route the same paths to the same services
        Map<String, String> gateway = io.synthline.cli.platform.PlatformRoutes.ALL.stream()
                .collect(Collectors.toMap(r -> r.prefix(), r -> r.service().serviceName()));
        assertThat(routes).isEqualTo(gateway);
        assertThat(SERVICES).containsAll(routes.values());

        Set<String> topics = all(GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals("KafkaTopic")).map(r -> r.getMetadata().getName()).collect(Collectors.toSet());
        assertThat(topics).containsAll(Topics.ALL).contains("synthline.dead-letters");
        assertThat(all(NetworkPolicy.class)).isNotEmpty();
    }

    @Test
    void onlyTheGeneratorsServiceAccountMayCreateJobsAndOnlyInItsNamespace() {
        assertThat(all(ClusterRole.class)).isEmpty();
        assertThat(all(ClusterRoleBinding.class)).isEmpty();
        Map<String, Role> roles = all(Role.class).stream().collect(Collectors.toMap(r -> r.getMetadata().getName(), r -> r));
        for (Role role : roles.values()) {
            for (PolicyRule rule : role.getRules()) {
                assertThat(rule.getVerbs()).as("no wildcard verbs").doesNotContain("*");
                assertThat(rule.getResources()).as("no wildcard resources").doesNotContain("*");
                assertThat(rule.getApiGroups()).as("no wildcard API groups").doesNotContain("*");
            }
        }
        List<String> jobCreators = roles.values().stream().filter(r -> r.getRules().stream().anyMatch(rule -> rule.getApiGroups()
                .contains("batch") && rule.getResources().contains("jobs") && rule.getVerbs().contains("create")))
                .map(r -> r.getMetadata().getName()).toList();
        assertThat(jobCreators).containsExactly("synthline-generator-shard-jobs");
        Role jobs = roles.get("synthline-generator-shard-jobs");
        assertThat(jobs.getRules()).anySatisfy(rule -> assertThat(rule.getVerbs())
                .containsExactlyInAnyOrder("create", "get", "list", "watch", "delete"));
        List<RoleBinding> bindings = all(RoleBinding.class).stream()
                .filter(b -> b.getRoleRef().getKind().equals("Role") && jobCreators.contains(b.getRoleRef().getName())).toList();
        assertThat(bindings).hasSize(1);
        assertThat(bindings.getFirst().getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("ServiceAccount");
            assertThat(subject.getName()).isEqualTo("synthline-generator");
            assertThat(subject.getNamespace()).isEqualTo("synthline");
        });
        // no binding grants anything to another subject (or through a ClusterRole)
        assertThat(all(RoleBinding.class)).allSatisfy(b -> {
            assertThat(b.getRoleRef().getKind()).isEqualTo("Role");
            assertThat(b.getSubjects()).allSatisfy(subject -> assertThat(subject.getName()).isEqualTo("synthline-generator"));
        });
        Map<String, String> accounts = all(Deployment.class).stream().collect(Collectors.toMap(d -> d.getMetadata().getName(),
                d -> java.util.Objects.requireNonNullElse(d.getSpec().getTemplate().getSpec().getServiceAccountName(), "default")));
        assertThat(accounts).containsEntry("generator-service", "synthline-generator");
        assertThat(accounts.entrySet()).filteredOn(e -> !e.getKey().equals("generator-service"))
                .allSatisfy(e -> assertThat(e.getValue()).isNotEqualTo("synthline-generator"));
        // the shard pods' account exists, mounts no token and is bound to nothing
        ServiceAccount shard = all(ServiceAccount.class).stream().filter(a -> a.getMetadata().getName().equals("synthline-generator-shard"))
                .findFirst().orElseThrow();
        assertThat(shard.getAutomountServiceAccountToken()).isFalse();
        Container generator = all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals("generator-service"))
                .findFirst().orElseThrow().getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(generator.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("SYNTHLINE_GENERATOR_SHARDING_ENABLED");
            assertThat(e.getValue()).isEqualTo("true");
        });
    }

    @Test
    void coreResourcesApplyToAnApiServer() {
        for (HasMetadata r : resources) {
            if (r instanceof GenericKubernetesResource) {
                continue; // custom resources need their operator's CRDs
            }
            if (r.getMetadata().getNamespace() == null && !(r instanceof io.fabric8.kubernetes.api.model.Namespace)) {
                r.getMetadata().setNamespace("synthline");
            }
            client.resource(r).create();
        }
        assertThat(client.apps().deployments().inNamespace("synthline").list().getItems()).hasSize(4);
        assertThat(client.services().inNamespace("synthline").list().getItems()).hasSize(4);
        assertThat(client.persistentVolumeClaims().inNamespace("synthline").withName("synthline-store").get()).isNotNull();
        assertThat(client.rbac().roleBindings().inNamespace("synthline").withName("synthline-generator-shard-jobs").get()).isNotNull();
        assertThat(client.serviceAccounts().inNamespace("synthline").list().getItems()).extracting(a -> a.getMetadata().getName())
                .contains("synthline-generator", "synthline-generator-shard");
    }
}
