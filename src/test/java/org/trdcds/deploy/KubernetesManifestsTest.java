package org.trdcds.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes/ parsed into fabric8's typed Kubernetes objects (no cluster here): what must hold for the
 * manifests to work with this service, its configuration and its documentation.
 */
class KubernetesManifestsTest {

    static final Path DIR = Path.of("deploy/kubernetes");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Deployment",
            Deployment.class,
            "Service",
            Service.class,
            "ConfigMap",
            ConfigMap.class,
            "HorizontalPodAutoscaler",
            HorizontalPodAutoscaler.class,
            "PodDisruptionBudget",
            PodDisruptionBudget.class,
            "NetworkPolicy",
            NetworkPolicy.class);

    static List<HasMetadata> objects;
    static Deployment deployment;
    static Container container;
    static Properties application;
    static String deploymentDoc;

    @BeforeAll
    static void parse() throws IOException {
        objects = new ArrayList<>();
        for (JsonNode resource :
                YAML.readTree(DIR.resolve("kustomization.yaml").toFile()).path("resources")) {
            try (var documents = YAML.readerFor(JsonNode.class)
                    .readValues(DIR.resolve(resource.asText()).toFile())) {
                while (documents.hasNext()) {
                    JsonNode document = (JsonNode) documents.next();
                    Class<? extends HasMetadata> type =
                            KINDS.get(document.path("kind").asText());
                    assertThat(type)
                            .as(resource + " kind " + document.path("kind"))
                            .isNotNull();
                    objects.add(YAML.treeToValue(document, type));
                }
            }
        }
        deployment = one(Deployment.class);
        container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        application = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            application.load(in);
        }
        deploymentDoc = Files.readString(Path.of("docs/deployment.md"));
    }

    static <T extends HasMetadata> T one(Class<T> type) {
        List<T> found =
                objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    static Map<String, String> podLabels() {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    @Test
    void everyKindIsThereOnceWithOneName() {
        assertThat(objects.stream().map(HasMetadata::getKind)).containsExactlyInAnyOrderElementsOf(KINDS.keySet());
        assertThat(objects.stream()
                        .filter(o -> !(o instanceof ConfigMap))
                        .map(o -> o.getMetadata().getName()))
                .containsOnly("trd-cds-hooks");
    }

    @Test
    void probesUseTheActuatorHealthGroupsOnThePortTheServiceListensOn() {
        int serverPort = Integer.parseInt(application.getProperty("server.port"));
        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(serverPort);
        });
        assertThat(application.getProperty("management.endpoint.health.probes.enabled"))
                .isEqualTo("true");
        assertThat(application.getProperty("management.endpoints.web.exposure.include"))
                .contains("health");
        assertThat(application.getProperty("management.server.port")).isNull(); // actuator on the same port
        assertThat(path(container.getLivenessProbe())).isEqualTo("/actuator/health/liveness");
        assertThat(path(container.getStartupProbe())).isEqualTo("/actuator/health/liveness");
        assertThat(path(container.getReadinessProbe())).isEqualTo("/actuator/health/readiness");
        for (Probe probe :
                List.of(container.getLivenessProbe(), container.getReadinessProbe(), container.getStartupProbe())) {
            assertThat(probe.getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
        }
    }

    static String path(Probe probe) {
        return probe.getHttpGet().getPath();
    }

    @Test
    void aPreStopPauseComesBeforeTheGracefulShutdownWithinTheGracePeriod() {
        List<String> command = container.getLifecycle().getPreStop().getExec().getCommand();
        assertThat(command).hasSize(2).startsWith("sleep");
        int pause = Integer.parseInt(command.get(1));
        assertThat(pause).isBetween(5, 30);
        assertThat(application.getProperty("server.shutdown")).isEqualTo("graceful");
        int springShutdownPhase = 30; // spring.lifecycle.timeout-per-shutdown-phase default
        assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .isGreaterThan(pause + springShutdownPhase);
    }

    @Test
    void cpuAndMemoryRequestsAndLimitsAreSetAndTheHeapFollowsTheLimit() {
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKeys("cpu", "memory");
        assertThat(Quantity.getAmountInBytes(limits.get("memory")))
                .isEqualTo(Quantity.getAmountInBytes(requests.get("memory")))
                .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(new Quantity("768Mi")));
        assertThat(Quantity.getAmountInBytes(limits.get("cpu")))
                .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("cpu")));
        assertThat(env("JDK_JAVA_OPTIONS").getValue()).contains("-XX:MaxRAMPercentage=");
    }

    @Test
    void runsAsNonRootOnAReadOnlyRootFileSystemWithAnEmptyDirForTmp() {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        var security = container.getSecurityContext();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getMountPath()).isEqualTo("/tmp");
            assertThat(pod.getVolumes()).anySatisfy(volume -> {
                assertThat(volume.getName()).isEqualTo(mount.getName());
                assertThat(volume.getEmptyDir()).isNotNull();
            });
        });
    }

    @Test
    void credentialsComeFromASecretIssuerConfigurationFromTheConfigMapAndEveryKeyIsDocumented() {
        ConfigMap configMap = one(ConfigMap.class);
        Map<String, String> secretKeys = container.getEnv().stream()
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .collect(Collectors.toMap(
                        EnvVar::getName, e -> e.getValueFrom().getSecretKeyRef().getKey()));
        assertThat(secretKeys)
                .containsOnlyKeys(
                        "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "CDS_SECURITY_ADMIN_TOKEN");
        for (EnvVar env : container.getEnv()) {
            if (env.getValueFrom() == null) {
                assertThat(env.getName()).doesNotContain("PASSWORD", "TOKEN");
                continue;
            }
            var secret = env.getValueFrom().getSecretKeyRef();
            var config = env.getValueFrom().getConfigMapKeyRef();
            String key = secret != null ? secret.getKey() : config.getKey();
            String name = secret != null ? secret.getName() : config.getName();
            assertThat(deploymentDoc)
                    .as("docs/deployment.md documents " + name + " key " + key)
                    .contains("`" + key + "`")
                    .contains("`" + name + "`");
            if (config != null) {
                assertThat(name).isEqualTo(configMap.getMetadata().getName());
                assertThat(configMap.getData()).containsKey(key);
            }
        }
        assertThat(env("CDS_SECURITY_TRUSTED_ISSUERS_0_ISSUER").getValueFrom().getConfigMapKeyRef())
                .isNotNull();
        assertThat(env("CDS_SECURITY_AUDIENCE_BASE_URL").getValueFrom().getConfigMapKeyRef())
                .isNotNull();
        assertThat(env("CDS_SECURITY_REPLAY_STORE").getValue()).isEqualTo("database");
        assertThat(configMap.getData())
                .allSatisfy((key, value) -> assertThat(deploymentDoc).contains("`" + key + "`"));
    }

    static EnvVar env(String name) {
        return container.getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void serviceAutoscalerAndDisruptionBudgetAgreeWithTheDeployment() {
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(podLabels());

        Service service = one(Service.class);
        assertThat(podLabels()).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts())
                .singleElement()
                .satisfies(port -> assertThat(port.getTargetPort()).isEqualTo(new IntOrString("http")));

        HorizontalPodAutoscaler hpa = one(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName())
                .isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas())
                .isEqualTo(deployment.getSpec().getReplicas());
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
        assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(metric -> {
            assertThat(metric.getResource().getName()).isEqualTo("cpu");
            assertThat(metric.getResource().getTarget().getAverageUtilization()).isBetween(50, 90);
        });

        PodDisruptionBudget pdb = one(PodDisruptionBudget.class);
        assertThat(podLabels()).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        int minAvailable = pdb.getSpec().getMinAvailable().getIntVal();
        assertThat(minAvailable).isPositive().isLessThan(hpa.getSpec().getMinReplicas()); // a node can be drained
        assertThat(deployment
                        .getSpec()
                        .getStrategy()
                        .getRollingUpdate()
                        .getMaxUnavailable()
                        .getIntVal())
                .isZero();
    }

    @Test
    void theNetworkPolicyLetsInOnlyTheHttpPortAndOutOnlyDnsPostgresAndHttps() {
        NetworkPolicy policy = one(NetworkPolicy.class);
        assertThat(podLabels())
                .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress())
                .singleElement()
                .satisfies(rule -> assertThat(rule.getPorts())
                        .singleElement()
                        .satisfies(port -> assertThat(port.getPort()).isEqualTo(new IntOrString("http"))));
        assertThat(policy.getSpec().getEgress().stream()
                        .flatMap(rule -> rule.getPorts().stream())
                        .map(port -> port.getPort().getIntVal())
                        .distinct())
                .containsExactlyInAnyOrder(53, 5432, 443);
    }

    @Test
    void theDockerfileBuildsPreparesWithTheRuntimeJvmAndRunsASlimJreAsTheDeploymentsUser() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("Dockerfile"));
        List<String> stages =
                lines.stream().filter(line -> line.startsWith("FROM ")).toList();
        assertThat(stages).hasSize(3);
        assertThat(stages.get(0)).contains("17-jdk");
        assertThat(stages.get(1)).contains("17-jre");
        assertThat(stages.get(2)).isEqualTo(stages.get(1).replace(" AS prepare", "")); // the archive's own JVM
        String text = String.join("\n", lines);
        assertThat(text)
                .contains(
                        "./mvnw -B -q package",
                        "deploy/prepare.sh /app",
                        "COPY --from=prepare /app/lib/",
                        "-XX:SharedArchiveFile=/app/trd-cds-hooks.jsa",
                        "-XX:MaxRAMPercentage=",
                        "-XX:+ExitOnOutOfMemoryError",
                        "EXPOSE " + container.getPorts().get(0).getContainerPort());
        long runAsUser = deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getSecurityContext()
                .getRunAsUser();
        assertThat(lines).contains("USER " + runAsUser + ":" + runAsUser);
    }
}
