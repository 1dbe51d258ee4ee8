package io.synthline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.synthline.commons.events.Topics;
import io.synthline.store.StoreSettings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kustomize overlays {@code k8s/overlays/dev} and {@code k8s/overlays/prod}, rendered offline with
 * kubectl's Kustomize and validated object by object against the Kubernetes OpenAPI schemas and the
 * operators' CRD schemas ({@code k8s/validate}); then checked against the services' own configuration:
 * the network flows, the Kafka users' ACLs, the addresses of the operator-managed infrastructure, the
 * metrics port and the realm of the local stack. {@code scripts/ensure-k8s-tools.sh} installs the
 * renderer and validators from npm; where it cannot, the test is skipped and says why.
 */
class KubernetesOverlaysTest {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path REALM_JSON = REPO.resolve("local-stack/src/main/resources/io/synthline/stack/keycloak/synthline-realm.json");
    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final List<String> SERVICES = List.of("profiler", "generator", "evaluator", "governance");
    static final String DEAD_LETTERS = "synthline.dead-letters";
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    static String kubectl;
    static String nodeModules;
    static final Map<String, List<JsonNode>> rendered = new HashMap<>();

    @BeforeAll
    static void renderOverlays() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", REPO.resolve("scripts/ensure-k8s-tools.sh").toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            String reason = "SKIPPED: the Kubernetes manifests cannot be rendered and validated here: scripts/ensure-k8s-tools.sh "
                    + "could not install kubectl/kubernetes-models from npm:\n" + err;
            System.err.println(reason);
            Assumptions.abort(reason);
        }
        Map<String, String> tools = out.lines().filter(l -> l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
        kubectl = tools.get("KUBECTL");
        nodeModules = tools.get("NODE_MODULES");
        for (String overlay : OVERLAYS) {
            Run r = run(List.of(kubectl, "kustomize", REPO.resolve("k8s/overlays/" + overlay).toString()));
            assertThat(r.exit()).as("kubectl kustomize k8s/overlays/%s: %s", overlay, r.err()).isZero();
            List<JsonNode> objects = new ArrayList<>();
            try (var parser = YAML.getFactory().createParser(r.out())) {
                YAML.readValues(parser, JsonNode.class).forEachRemaining(n -> {
                    if (n != null && !n.isNull() && !n.isMissingNode()) {
                        objects.add(n);
                    }
                });
            }
            rendered.put(overlay, objects);
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("synthline-k8s", ".out");
        Path err = Files.createTempFile("synthline-k8s", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs k8s/validate/validate.mjs on the objects. */
    static Run validate(List<JsonNode> objects) throws IOException, InterruptedException {
        Path file = Files.createTempFile("synthline-k8s-objects", ".json");
        try {
            JSON.writeValue(file.toFile(), objects);
            return run(List.of("node", REPO.resolve("k8s/validate/validate.mjs").toString(), nodeModules, file.toString()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static List<JsonNode> objects(String overlay, String kind) {
        return rendered.get(overlay).stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static JsonNode object(String overlay, String kind, String name) {
        return objects(overlay, kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }

    static Properties properties(String service) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(REPO.resolve(service + "-service/app/src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    static Properties sharedProperties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(REPO.resolve("service-support/src/main/resources/META-INF/microprofile-config.properties"))) {
            p.load(in);
        }
        return p;
    }

    static Set<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyRenderedObjectIsValidAgainstTheKubernetesAndCrdSchemas() throws Exception {
        for (String overlay : OVERLAYS) {
            Run r = validate(rendered.get(overlay));
            assertThat(r.exit()).as("k8s/overlays/%s:\n%s%s", overlay, r.out(), r.err()).isZero();
            assertThat(r.out()).contains("validated " + rendered.get(overlay).size() + " objects, 0 invalid");
            assertThat(rendered.get(overlay)).extracting(o -> o.path("kind").asText()).contains(
                    "Deployment", "Service", "Ingress", "NetworkPolicy", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                    "ServiceMonitor", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Database", "Keycloak",
                    "KeycloakRealmImport");
        }
    }

    @Test
    void theValidatorRefusesBrokenManifests() throws Exception {
        List<JsonNode> broken = new ArrayList<>();
        rendered.get("prod").forEach(o -> broken.add(o.deepCopy()));
        ((ObjectNode) broken.stream().filter(o -> o.path("kind").asText().equals("Deployment")).findFirst().orElseThrow()
                .path("spec")).put("replicas", "two");
        ((ObjectNode) broken.stream().filter(o -> o.path("kind").asText().equals("KafkaTopic")).findFirst().orElseThrow()
                .path("spec")).put("partition", 6);
        ((ObjectNode) broken.stream().filter(o -> o.path("kind").asText().equals("Cluster")).findFirst().orElseThrow()
                .path("spec")).put("instances", 0);
        ((ObjectNode) broken.stream().filter(o -> o.path("kind").asText().equals("ServiceMonitor")).findFirst().orElseThrow()
                .path("spec").path("endpoints").get(0)).put("port", 9000);
        broken.add(YAML.readTree("{apiVersion: example.com/v1, kind: Widget, metadata: {name: w}}"));

        Run r = validate(broken);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("spec/replicas must be integer", "must NOT have additional properties (partition)",
                "spec/instances must be >= 1", "endpoints/0/port must be string", "no schema for example.com/v1 Widget",
                "5 invalid");
    }

    @Test
    void builtInObjectsHaveNoUnknownFields() throws Exception {
        // the OpenAPI schemas do not refuse unknown fields (the API server does, with strict field validation):
        // fabric8's typed models keep what they do not know in additionalProperties
        for (String overlay : OVERLAYS) {
            for (JsonNode o : rendered.get(overlay)) {
                Object typed = Serialization.unmarshal(JSON.writeValueAsString(o));
                if (typed instanceof io.fabric8.kubernetes.api.model.GenericKubernetesResource) {
                    continue; // custom resources: crd-schemas.json refuses unknown fields
                }
                assertThat(unknownFields(typed, o.path("kind").asText())).as("%s: %s %s", overlay, o.path("kind").asText(),
                        o.path("metadata").path("name").asText()).isEmpty();
            }
        }
        Object misspelt = Serialization.unmarshal("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "x"},
                 "spec": {"replica": 2, "template": {"spec": {"containers": [{"name": "c", "imagePullPolicy": "Always", "livenessProbes": {}}]}}}}""");
        assertThat(unknownFields(misspelt, "Deployment")).containsExactlyInAnyOrder("Deployment.spec.replica",
                "Deployment.spec.template.spec.containers[0].livenessProbes");
    }

    /** Paths of the fields fabric8's typed model did not recognise. */
    static List<String> unknownFields(Object model, String path) throws ReflectiveOperationException {
        List<String> found = new ArrayList<>();
        if (model instanceof KubernetesResource) {
            Method additional = null;
            try {
                additional = model.getClass().getMethod("getAdditionalProperties");
            } catch (NoSuchMethodException none) {
                // a model without a catch-all keeps nothing unknown
            }
            if (additional != null) {
                Map<?, ?> extra = (Map<?, ?>) additional.invoke(model);
                if (extra != null) {
                    extra.keySet().forEach(k -> found.add(path + "." + k));
                }
            }
            for (Method m : model.getClass().getMethods()) {
                if (m.getParameterCount() == 0 && m.getName().startsWith("get") && !m.getName().equals("getAdditionalProperties")
                        && m.getDeclaringClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
                    String field = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                    found.addAll(unknownFields(m.invoke(model), path + "." + field));
                }
            }
        } else if (model instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                found.addAll(unknownFields(list.get(i), path + "[" + i + "]"));
            }
        } else if (model instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                found.addAll(unknownFields(e.getValue(), path + "." + e.getKey()));
            }
        }
        return found;
    }

    @Test
    void everyServiceScalesHasABudgetLimitsAndIsScrapedOnItsManagementPort() {
        for (String overlay : OVERLAYS) {
            for (String service : SERVICES) {
                String name = service + "-service";
                JsonNode deployment = object(overlay, "Deployment", name);
                JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
                assertThat(container.path("resources").path("requests").has("cpu")).as("%s %s cpu request", overlay, name).isTrue();
                assertThat(container.path("resources").path("limits").path("memory").asText())
                        .isEqualTo(container.path("resources").path("requests").path("memory").asText());
                int management = StreamSupport.stream(container.path("ports").spliterator(), false)
                        .filter(p -> p.path("name").asText().equals("management")).findFirst().orElseThrow().path("containerPort").asInt();
                assertThat(env(container)).containsEntry("QUARKUS_MANAGEMENT_PORT", String.valueOf(management));

                JsonNode hpa = object(overlay, "HorizontalPodAutoscaler", name);
                assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo(name);
                assertThat(hpa.path("spec").path("maxReplicas").asInt())
                        .as("no more replicas than partitions").isLessThanOrEqualTo(partitions(overlay));
                JsonNode pdb = object(overlay, "PodDisruptionBudget", name);
                assertThat(pdb.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText()).isEqualTo(name);

                JsonNode service0 = object(overlay, "Service", name);
                assertThat(StreamSupport.stream(service0.path("spec").path("ports").spliterator(), false))
                        .anySatisfy(p -> {
                            assertThat(p.path("name").asText()).isEqualTo("management");
                            assertThat(p.path("targetPort").asText()).isEqualTo("management");
                        });
                JsonNode monitor = object(overlay, "ServiceMonitor", name);
                assertThat(monitor.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText()).isEqualTo(name);
                assertThat(monitor.path("spec").path("endpoints").get(0).path("port").asText()).isEqualTo("management");
                assertThat(monitor.path("spec").path("endpoints").get(0).path("path").asText()).isEqualTo("/q/metrics");
            }
        }
    }

    static int partitions(String overlay) {
        return objects(overlay, "KafkaTopic").stream()
                .filter(t -> Topics.ALL.contains(t.path("metadata").path("name").asText())).mapToInt(t -> t.path("spec").path("partitions").asInt()).min().orElseThrow();
    }

    static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText()
                : "secret:" + e.path("valueFrom").path("secretKeyRef").path("name").asText() + "/"
                        + e.path("valueFrom").path("secretKeyRef").path("key").asText()));
        return env;
    }

    @Test
    void theConfiguredAddressesAreThoseOfTheOperatorManagedInfrastructure() throws IOException {
        Properties shared = sharedProperties();
        for (String overlay : OVERLAYS) {
            JsonNode config = object(overlay, "ConfigMap", "synthline-config").path("data");
            JsonNode kafka = objects(overlay, "Kafka").getFirst();
            URI bootstrap = URI.create("kafka://" + config.path("SYNTHLINE_KAFKA_BOOTSTRAP").asText());
            assertThat(bootstrap.getHost()).isEqualTo(kafka.path("metadata").path("name").asText() + "-kafka-bootstrap."
                    + kafka.path("metadata").path("namespace").asText() + ".svc");
            assertThat(StreamSupport.stream(kafka.path("spec").path("kafka").path("listeners").spliterator(), false))
                    .anySatisfy(l -> assertThat(l.path("port").asInt()).isEqualTo(bootstrap.getPort()));
            assertThat(kafka.path("spec").path("entityOperator").path("topicOperator").path("watchedNamespace").asText()).isEqualTo("synthline");
            assertThat(kafka.path("spec").path("entityOperator").path("userOperator").path("watchedNamespace").asText()).isEqualTo("synthline");
            for (String kind : List.of("KafkaTopic", "KafkaUser", "KafkaNodePool")) {
                assertThat(objects(overlay, kind)).allSatisfy(o -> assertThat(o.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                        .isEqualTo(kafka.path("metadata").path("name").asText()));
            }

            JsonNode postgres = object(overlay, "Cluster", "synthline-postgres");
            assertThat(config.path("SYNTHLINE_DB_HOST").asText()).isEqualTo("synthline-postgres-rw." + postgres.path("metadata").path("namespace").asText() + ".svc");
            JsonNode keycloak = objects(overlay, "Keycloak").getFirst();
            URI oidc = URI.create(config.path("SYNTHLINE_OIDC_URL").asText());
            assertThat(oidc.getHost()).isEqualTo(keycloak.path("metadata").path("name").asText() + "-service."
                    + keycloak.path("metadata").path("namespace").asText() + ".svc");
            assertThat(oidc.getPort()).isEqualTo(keycloak.path("spec").path("http").path("httpPort").asInt());
            assertThat(config.path("SYNTHLINE_OIDC_PUBLIC_URL").asText())
                    .isEqualTo(keycloak.path("spec").path("hostname").path("hostname").asText() + "/realms/synthline");
            assertThat(oidc.getPath()).isEqualTo("/realms/" + object(overlay, "KeycloakRealmImport", "synthline-realm")
                    .path("spec").path("realm").path("realm").asText());

            // one database per service, named as the service names it, owned by a managed role
            Set<String> roles = new TreeSet<>();
            postgres.path("spec").path("managed").path("roles").forEach(r -> roles.add(r.path("name").asText()));
            for (String service : SERVICES) {
                String db = properties(service).getProperty("synthline.db.name");
                JsonNode database = objects(overlay, "Database").stream().filter(d -> d.path("spec").path("name").asText().equals(db))
                        .findFirst().orElseThrow(() -> new AssertionError("no Database " + db));
                assertThat(database.path("spec").path("cluster").path("name").asText()).isEqualTo("synthline-postgres");
                assertThat(roles).contains(database.path("spec").path("owner").asText());
            }
            assertThat(shared.getProperty("quarkus.datasource.jdbc.url")).contains("${synthline.db.host}:${synthline.db.port}");
        }
    }

    /**
     * Both overlays put the dataset store on S3 (k8s/components/object-storage): the settings every
     * service and shard pod reads are those {@link StoreSettings} understands, the credentials come
     * from one Secret whose keys are the settings' environment names (the shard pods read it whole),
     * and no volume is left.
     */
    @Test
    void theStoreIsAnS3BucketForEveryServiceAndShardPodWithCredentialsFromOneSecret() {
        String secret = "synthline-object-storage";
        for (String overlay : OVERLAYS) {
            JsonNode config = object(overlay, "ConfigMap", "synthline-config").path("data");
            assertThat(objects(overlay, "PersistentVolumeClaim")).as(overlay + ": no store volume").isEmpty();
            for (String service : SERVICES) {
                JsonNode pod = object(overlay, "Deployment", service + "-service").path("spec").path("template").path("spec");
                JsonNode container = pod.path("containers").get(0);
                String what = overlay + " " + service;
                assertThat(container.path("envFrom").findValuesAsText("name")).as(what).contains("synthline-config");
                assertThat(pod.path("volumes").findValues("persistentVolumeClaim")).as(what + " volumes").isEmpty();
                assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).as(what).doesNotContain("/data/store");
                Map<String, String> env = env(container);
                for (String credential : List.of(StoreSettings.S3_ACCESS_KEY_ID, StoreSettings.S3_SECRET_ACCESS_KEY)) {
                    String name = StoreSettings.envName(credential);
                    assertThat(env.get(name)).as(what + " " + name).isEqualTo("secret:" + secret + "/" + name);
                }
                assertThat(container.path("env").findValues("secretKeyRef")).filteredOn(r -> r.path("name").asText().equals(secret))
                        .as(what + ": optional (without it, the SDK's default credential chain)").allMatch(r -> r.path("optional").asBoolean());

                // what the service reads: the ConfigMap, then its own environment (here with the Secret's values)
                Map<String, String> seen = new HashMap<>();
                config.properties().forEach(e -> seen.put(e.getKey(), e.getValue().asText()));
                env.forEach((k, v) -> seen.put(k, v.startsWith("secret:") ? "from-the-secret" : v));
                StoreSettings settings = StoreSettings.fromEnvironment(seen);
                assertThat(settings.kind()).as(what).isEqualTo(StoreSettings.Kind.S3);
                assertThat(settings.s3().bucket()).isNotBlank();
                assertThat(settings.s3().endpoint().getScheme()).as(what + ": TLS to the bucket").isEqualTo("https");
                assertThat(settings.s3().encryption()).as(what).isEqualTo(StoreSettings.Encryption.KMS);
                assertThat(settings.s3().accessKeyId()).isEqualTo("from-the-secret");
                assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).as(what).contains("/tmp");
                assertThat(settings.s3().cacheDir().startsWith(Path.of("/tmp"))).as(what + ": cache on the pod's writable /tmp").isTrue();
            }
            // the shard pods: the same ConfigMap (ShardingConfig's default config-map) and the whole Secret
            Map<String, String> generator = env(object(overlay, "Deployment", "generator-service").path("spec").path("template")
                    .path("spec").path("containers").get(0));
            assertThat(generator.get("SYNTHLINE_GENERATOR_SHARDING_STORE_SECRET")).isEqualTo(secret);
            assertThat(generator).doesNotContainKey("SYNTHLINE_GENERATOR_SHARDING_CONFIG_MAP");
            JsonNode egress = object(overlay, "NetworkPolicy", "services-to-object-storage").path("spec");
            assertThat(texts(egress.path("podSelector").path("matchExpressions").get(0).path("values")))
                    .contains("generator-shard", "profiler-service", "generator-service", "evaluator-service", "governance-service");
            URI endpoint = URI.create(config.path(StoreSettings.envName(StoreSettings.S3_ENDPOINT)).asText());
            assertThat(egress.path("egress").get(0).path("ports").get(0).path("port").asInt())
                    .isEqualTo(endpoint.getPort() > 0 ? endpoint.getPort() : 443);
        }
    }

    @Test
    void networkPoliciesDenyByDefaultAndAllowExactlyTheConfiguredFlows() throws IOException {
        for (String overlay : OVERLAYS) {
            JsonNode deny = object(overlay, "NetworkPolicy", "default-deny");
            assertThat(deny.path("spec").path("podSelector").isEmpty()).isTrue();
            assertThat(texts(deny.path("spec").path("policyTypes"))).containsExactly("Egress", "Ingress");

            JsonNode config = object(overlay, "ConfigMap", "synthline-config").path("data");
            Map<String, Integer> egressPorts = new HashMap<>();
            for (JsonNode rule : object(overlay, "NetworkPolicy", "services-to-infrastructure").path("spec").path("egress")) {
                String namespace = rule.path("to").get(0).path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText();
                egressPorts.put(namespace, rule.path("ports").get(0).path("port").asInt());
            }
            URI bootstrap = URI.create("kafka://" + config.path("SYNTHLINE_KAFKA_BOOTSTRAP").asText());
            URI oidc = URI.create(config.path("SYNTHLINE_OIDC_URL").asText());
            assertThat(egressPorts).containsEntry(bootstrap.getHost().split("\\.")[1], bootstrap.getPort())
                    .containsEntry(config.path("SYNTHLINE_DB_HOST").asText().split("\\.")[1], config.path("SYNTHLINE_PG_PORT").asInt())
                    .containsEntry(oidc.getHost().split("\\.")[1], oidc.getPort())
                    .containsEntry("kube-system", 53)
                    .hasSize(4);

            // the only service-to-service HTTP: governance fetches evidence from the profiler and the evaluator
            Set<String> evidenceTargets = new TreeSet<>();
            for (String key : List.of("SYNTHLINE_PROFILER_URL", "SYNTHLINE_EVALUATOR_URL")) {
                evidenceTargets.add(URI.create(config.path(key).asText()).getHost());
            }
            JsonNode evidence = object(overlay, "NetworkPolicy", "evidence-from-governance");
            assertThat(texts(evidence.path("spec").path("podSelector").path("matchExpressions").get(0).path("values"))).isEqualTo(evidenceTargets);
            assertThat(evidence.path("spec").path("ingress").get(0).path("from").get(0).path("podSelector").path("matchLabels")
                    .path("app.kubernetes.io/name").asText()).isEqualTo("governance-service");
            assertThat(texts(object(overlay, "NetworkPolicy", "governance-to-evidence").path("spec").path("egress").get(0)
                    .path("to").get(0).path("podSelector").path("matchExpressions").get(0).path("values"))).isEqualTo(evidenceTargets);
            // an egress to any address: only the generator's, to the API server's ports (shard Jobs)
            for (JsonNode policy : objects(overlay, "NetworkPolicy")) {
                for (JsonNode rule : policy.path("spec").path("egress")) {
                    if (!rule.has("to")) {
                        assertThat(policy.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText())
                                .as(policy.path("metadata").path("name").asText()).isEqualTo("generator-service");
                        assertThat(StreamSupport.stream(rule.path("ports").spliterator(), false).map(p -> p.path("port").asInt()))
                                .containsExactlyInAnyOrder(443, 6443);
                    }
                }
            }
            // every policy that opens a port names ports that exist
            for (JsonNode policy : objects(overlay, "NetworkPolicy")) {
                for (String direction : List.of("ingress", "egress")) {
                    policy.path("spec").path(direction).forEach(rule -> assertThat(rule.has("ports"))
                            .as("%s %s rule opens only named ports", policy.path("metadata").path("name").asText(), direction).isTrue());
                }
            }
        }
    }

    @Test
    void kafkaTopicsAreTheContractsAndEachServiceUserReadsExactlyItsChannels() throws IOException {
        for (String overlay : OVERLAYS) {
            Set<String> topics = objects(overlay, "KafkaTopic").stream().map(t -> t.path("metadata").path("name").asText())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = new TreeSet<>(Topics.ALL);
            expected.add(DEAD_LETTERS);
            assertThat(topics).isEqualTo(expected);

            for (String service : SERVICES) {
                Properties config = properties(service);
                Set<String> readTopics = new TreeSet<>();
                Set<String> groups = new TreeSet<>();
                for (String key : config.stringPropertyNames()) {
                    if (key.startsWith("mp.messaging.incoming.") && !key.contains(".dead-letter-queue.")
                            && (key.endsWith(".topic") || key.endsWith(".topics"))) {
                        readTopics.addAll(List.of(config.getProperty(key).split(",")));
                    }
                    if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")) {
                        groups.add(config.getProperty(key));
                    }
                    if (key.endsWith(".dead-letter-queue.topic")) {
                        assertThat(config.getProperty(key)).isEqualTo(DEAD_LETTERS);
                    }
                }
                JsonNode user = object(overlay, "KafkaUser", service + "-service");
                Set<String> aclRead = new TreeSet<>();
                Set<String> aclGroups = new TreeSet<>();
                Set<String> aclWrite = new TreeSet<>();
                for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                    Set<String> ops = texts(acl.path("operations"));
                    String name = acl.path("resource").path("name").asText();
                    switch (acl.path("resource").path("type").asText()) {
                        case "topic" -> {
                            if (ops.contains("Read")) {
                                aclRead.add(name);
                            }
                            if (ops.contains("Write")) {
                                aclWrite.add(name);
                            }
                        }
                        case "group" -> aclGroups.add(name);
                        default -> throw new AssertionError("unexpected ACL " + acl);
                    }
                }
                assertThat(aclRead).as("%s reads", service).isEqualTo(readTopics);
                assertThat(aclGroups).as("%s groups", service).isEqualTo(groups);
                assertThat(aclWrite).as("%s writes", service).contains(DEAD_LETTERS).isSubsetOf(expected);

                JsonNode container = object(overlay, "Deployment", service + "-service").path("spec").path("template").path("spec")
                        .path("containers").get(0);
                assertThat(env(container)).containsEntry("KAFKA_SASL_JAAS_CONFIG", "secret:" + service + "-service/sasl.jaas.config");
            }
        }
    }

    @Test
    void theRealmImportsAreTheLocalStackRealmWithoutDemoPasswordsInProd() throws IOException {
        JsonNode local = JSON.readTree(REALM_JSON.toFile());
        boolean write = Boolean.getBoolean("synthline.k8s.writeRealm");
        for (String overlay : OVERLAYS) {
            Path file = REPO.resolve("k8s/overlays/" + overlay + "/realm-import.yaml");
            ObjectNode expected = realmImport(local, overlay);
            if (write) {
                writeRealmImport(file, expected, overlay);
            }
            JsonNode committed = YAML.readTree(file.toFile());
            assertThat(committed).as("%s differs from the realm of the local stack; regenerate with -Dsynthline.k8s.writeRealm=true", file)
                    .isEqualTo(expected);
            assertThat(object(overlay, "KeycloakRealmImport", "synthline-realm")).isEqualTo(expected);
        }
        JsonNode prod = object("prod", "KeycloakRealmImport", "synthline-realm").path("spec").path("realm");
        assertThat(prod.path("users")).allSatisfy(u -> assertThat(u.has("credentials")).as(u.path("username").asText()).isFalse());
        assertThat(prod.toString()).doesNotContain("\"demo\"").doesNotContain("synthline-services-secret");
        JsonNode dev = object("dev", "KeycloakRealmImport", "synthline-realm").path("spec").path("realm");
        assertThat(dev.path("users")).hasSameSizeAs(local.path("users"));
    }

    static final Map<String, String> HOSTS = Map.of("dev", "synthline.dev.example.com", "prod", "synthline.example.com");

    /**
     * The local stack's realm as an overlay imports it: the services client's secret from a Secret, the
     * dashboard redirecting to the overlay's host, and in prod no user that has a password.
     */
    static ObjectNode realmImport(JsonNode local, String overlay) {
        ObjectNode realm = local.deepCopy();
        if (overlay.equals("prod")) {
            ArrayNode users = JSON.createArrayNode();
            realm.path("users").forEach(u -> {
                if (!u.has("credentials")) {
                    users.add(u);
                }
            });
            realm.set("users", users);
        }
        for (JsonNode client : realm.path("clients")) {
            switch (client.path("clientId").asText()) {
                case "synthline-services" -> ((ObjectNode) client).put("secret", "${SYNTHLINE_SERVICES_CLIENT_SECRET}");
                case "synthline-dashboard" -> {
                    ((ObjectNode) client).set("redirectUris", JSON.createArrayNode().add("https://" + HOSTS.get(overlay) + "/dashboard/*"));
                    ((ObjectNode) client).set("webOrigins", JSON.createArrayNode().add("+"));
                }
                default -> {
                }
            }
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("apiVersion", "k8s.keycloak.org/v2beta1");
        doc.put("kind", "KeycloakRealmImport");
        doc.putObject("metadata").put("name", "synthline-realm").put("namespace", "keycloak");
        ObjectNode spec = doc.putObject("spec");
        spec.put("keycloakCRName", "synthline-keycloak");
        spec.putObject("placeholders").putObject("SYNTHLINE_SERVICES_CLIENT_SECRET").putObject("secret")
                .put("name", "synthline-oidc").put("key", "client-secret");
        spec.set("realm", realm);
        return doc;
    }

    static void writeRealmImport(Path file, JsonNode doc, String overlay) throws IOException {
        String header = """
                # The realm of the local stack (local-stack .../keycloak/synthline-realm.json) as this overlay imports it,
                # generated by KubernetesOverlaysTest, which fails when the two differ in anything but: the services
                # client's secret comes from the Secret "synthline-oidc" (namespace keycloak), the dashboard redirects to
                # this overlay's host, and %s
                # Regenerate: ./mvnw -pl e2e-tests -am test -Dtest=KubernetesOverlaysTest -Dsurefire.failIfNoSpecifiedTests=false -Dsynthline.k8s.writeRealm=true
                """.formatted(overlay.equals("prod") ? "no user with a password (the demo users) is imported."
                        : "the demo users keep their password \"demo\" (development only).");
        ObjectMapper writer = new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
        Files.writeString(file, header + writer.writeValueAsString(doc));
    }
}
