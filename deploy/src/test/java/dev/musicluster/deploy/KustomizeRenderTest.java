package dev.musicluster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.TopicSpec;
import dev.musicluster.contracts.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each overlay renders, every object is a valid Kubernetes (or Strimzi) object with no field the model does not
 * know, and the objects hold together: selectors select, references resolve, topics are the code's, images are the
 * build's.
 */
class KustomizeRenderTest {

    private static final List<String> SERVICES = List.of("gateway", "feature-service", "embedding-service", "training-service",
            "clustering-service");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsKnownToTheModelAndNoFieldIsUnknown(String overlay) throws Exception {
        List<HasMetadata> objects = RenderedManifests.render(overlay);
        assertThat(objects).hasSizeGreaterThan(40);
        for (HasMetadata object : objects) {
            assertThat(object.getClass().getSimpleName()).as(describe(object)).isNotEqualTo("GenericKubernetesResource");
            List<String> unknown = new ArrayList<>();
            unknownFields(object, describe(object), unknown, new IdentityHashMap<>());
            assertThat(unknown).as("fields the model does not know").isEmpty();
            assertThat(object.getMetadata().getNamespace()).as(describe(object)).isIn("musicluster", null);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void selectorsSelectAndEveryReferenceResolves(String overlay) throws Exception {
        List<HasMetadata> objects = RenderedManifests.render(overlay);
        Map<String, PodTemplateSpec> templates = podTemplates(objects);
        Map<String, ConfigMap> configMaps = byName(objects, ConfigMap.class);
        Map<String, Secret> secrets = byName(objects, Secret.class);
        for (Service service : of(objects, Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            assertThat(templates.values()).as("pods selected by service " + service.getMetadata().getName())
                    .anyMatch(t -> t.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()));
        }
        for (PodDisruptionBudget pdb : of(objects, PodDisruptionBudget.class)) {
            Map<String, String> selector = pdb.getSpec().getSelector().getMatchLabels();
            assertThat(templates.values()).as("pods of PDB " + pdb.getMetadata().getName())
                    .anyMatch(t -> t.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()));
        }
        Set<String> deployments = byName(objects, Deployment.class).keySet();
        for (HorizontalPodAutoscaler hpa : of(objects, HorizontalPodAutoscaler.class)) {
            assertThat(deployments).contains(hpa.getSpec().getScaleTargetRef().getName());
        }
        for (Map.Entry<String, PodTemplateSpec> entry : templates.entrySet()) {
            String owner = entry.getKey();
            var spec = entry.getValue().getSpec();
            for (Container container : spec.getContainers()) {
                container.getEnvFrom().forEach(from -> {
                    if (from.getConfigMapRef() != null) {
                        assertThat(configMaps).as(owner).containsKey(from.getConfigMapRef().getName());
                    }
                    if (from.getSecretRef() != null) {
                        assertThat(secrets).as(owner).containsKey(from.getSecretRef().getName());
                    }
                });
                container.getEnv().stream().filter(e -> e.getValueFrom() != null).forEach(env -> {
                    var configKey = env.getValueFrom().getConfigMapKeyRef();
                    if (configKey != null) {
                        assertThat(configMaps).as(owner + " " + env.getName()).containsKey(configKey.getName());
                        assertThat(configMaps.get(configKey.getName()).getData()).as(owner + " " + env.getName()).containsKey(configKey.getKey());
                    }
                    var secretKey = env.getValueFrom().getSecretKeyRef();
                    if (secretKey != null) {
                        assertThat(secrets).as(owner + " " + env.getName()).containsKey(secretKey.getName());
                        assertThat(secrets.get(secretKey.getName()).getData()).as(owner + " " + env.getName()).containsKey(secretKey.getKey());
                    }
                });
            }
            for (Volume volume : spec.getVolumes()) {
                if (volume.getConfigMap() != null) {
                    ConfigMap map = configMaps.get(volume.getConfigMap().getName());
                    assertThat(map).as(owner + " volume " + volume.getName()).isNotNull();
                    volume.getConfigMap().getItems().forEach(item -> assertThat(map.getData()).containsKey(item.getKey()));
                }
                if (volume.getSecret() != null) {
                    assertThat(secrets).as(owner).containsKey(volume.getSecret().getSecretName());
                }
                if (volume.getPersistentVolumeClaim() != null) {
                    assertThat(byName(objects, io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class))
                            .as(owner).containsKey(volume.getPersistentVolumeClaim().getClaimName());
                }
            }
            if (spec.getServiceAccountName() != null) {
                assertThat(byName(objects, io.fabric8.kubernetes.api.model.ServiceAccount.class)).containsKey(spec.getServiceAccountName());
            }
        }
        for (StatefulSet set : of(objects, StatefulSet.class)) {
            Set<String> claims = set.getSpec().getVolumeClaimTemplates().stream().map(c -> c.getMetadata().getName()).collect(Collectors.toSet());
            set.getSpec().getTemplate().getSpec().getContainers().forEach(c -> c.getVolumeMounts()
                    .forEach(mount -> assertThat(claims).as("claim of " + mount.getName()).contains(mount.getName())));
        }
        assertThat(configMaps.get("prometheus-config").getData()).containsKeys("prometheus.yml", "alerts.yml");
        assertThat(configMaps.get("grafana-dashboards").getData()).containsKeys("pipeline.json", "runs.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaTopicsAreTheCodesTopics(String overlay) throws Exception {
        Map<String, KafkaTopic> topics = new HashMap<>();
        for (KafkaTopic topic : of(RenderedManifests.render(overlay), KafkaTopic.class)) {
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "musicluster");
            topics.put(topic.getSpec().getTopicName(), topic);
        }
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(TopicSpec::name).toList());
        for (TopicSpec spec : Topics.ALL) {
            KafkaTopic topic = topics.get(spec.name());
            assertThat(topic.getSpec().getPartitions()).as(spec.name()).isEqualTo(spec.partitions());
            Map<String, String> config = new LinkedHashMap<>();
            topic.getSpec().getConfig().forEach((key, value) -> config.put(key, String.valueOf(value)));
            assertThat(config).as(spec.name()).isEqualTo(spec.config());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void imagesAreWhatTheBuildProducesAndProdTrainsOnAGpu(String overlay) throws Exception {
        List<HasMetadata> objects = RenderedManifests.render(overlay);
        Map<String, Deployment> deployments = byName(objects, Deployment.class);
        String version = System.getProperty("musicluster.version");
        for (String service : SERVICES) {
            Properties config = new Properties();
            try (var in = Files.newInputStream(Path.of("..", service, "src/main/resources/application.properties"))) {
                config.load(in);
            }
            String image = config.getProperty("quarkus.container-image.group") + "/" + config.getProperty("quarkus.container-image.name");
            Container container = deployments.get(service).getSpec().getTemplate().getSpec().getContainers().get(0);
            String expected = image + ":" + version + (overlay.equals("prod") && service.equals("training-service") ? "-cuda" : "");
            assertThat(container.getImage()).as(service).isEqualTo(expected);
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
            assertThat(deployments.get(service).getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/path", "/q/metrics");
        }
        var training = deployments.get("training-service").getSpec().getTemplate().getSpec();
        if (overlay.equals("prod")) {
            assertThat(training.getContainers().get(0).getResources().getLimits()).containsKey("nvidia.com/gpu");
            assertThat(training.getNodeSelector()).containsKey("nvidia.com/gpu.present");
            assertThat(training.getTolerations()).anyMatch(t -> "nvidia.com/gpu".equals(t.getKey()));
        } else {
            assertThat(training.getContainers().get(0).getResources().getLimits()).doesNotContainKey("nvidia.com/gpu");
        }
        assertThat(of(objects, Job.class)).extracting(j -> j.getMetadata().getName()).contains("minio-bucket-init");
    }

    @Test
    void prodSizesEveryJvmFromItsPodAndDeclaresWhereNativesUnpack() throws Exception {
        List<HasMetadata> objects = RenderedManifests.render("prod");
        Map<String, Deployment> deployments = byName(objects, Deployment.class);
        for (String service : SERVICES) {
            var pod = deployments.get(service).getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().get(0);
            String options = container.getEnv().stream().filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS")).findFirst()
                    .map(e -> e.getValue()).orElse("");
            // As many cores as the pod requests (at least one), never the node's; the heap from the pod's memory limit.
            int cores = (int) Math.max(1, Math.ceil(container.getResources().getRequests().get("cpu").getNumericalAmount().doubleValue()));
            assertThat(options).as(service).contains("-XX:ActiveProcessorCount=" + cores).contains("-XX:MaxRAMPercentage=");
        }
        for (String service : List.of("feature-service", "training-service")) {
            var pod = deployments.get(service).getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().get(0);
            assertThat(container.getResources().getRequests()).as(service).containsKey("ephemeral-storage");
            assertThat(container.getResources().getLimits()).as(service).containsKey("ephemeral-storage");
            assertThat(container.getEnv()).as(service).anyMatch(e -> e.getName().equals("DJL_CACHE_DIR") && e.getValue().startsWith("/scratch"));
            assertThat(pod.getVolumes()).as(service).anyMatch(v -> v.getName().equals("scratch") && v.getEmptyDir() != null);
        }
        for (String service : List.of("feature-service", "training-service", "clustering-service")) {
            assertThat(deployments.get(service).getSpec().getTemplate().getSpec().getNodeSelector()).as(service + ": x86-64 natives")
                    .containsEntry("kubernetes.io/arch", "amd64");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaIsPinnedToAVersionOfThePinnedOperator(String overlay) throws Exception {
        List<HasMetadata> objects = RenderedManifests.render(overlay);
        assertThat(of(objects, io.strimzi.api.kafka.model.kafka.Kafka.class)).singleElement()
                .satisfies(kafka -> assertThat(kafka.getSpec().getKafka().getVersion()).isEqualTo("4.1.1"));
        for (Path doc : List.of(Path.of("..", "README.md"), Path.of("..", "docs", "deploy.md"))) {
            assertThat(Files.readString(doc)).as(doc.toString()).contains("releases/download/0.51.0/strimzi-cluster-operator-0.51.0.yaml")
                    .doesNotContain("install/latest");
        }
    }

    private static Map<String, PodTemplateSpec> podTemplates(List<HasMetadata> objects) {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        of(objects, Deployment.class).forEach(d -> templates.put("Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate()));
        of(objects, StatefulSet.class).forEach(s -> templates.put("StatefulSet/" + s.getMetadata().getName(), s.getSpec().getTemplate()));
        of(objects, Job.class).forEach(j -> templates.put("Job/" + j.getMetadata().getName(), j.getSpec().getTemplate()));
        return templates;
    }

    private static <T extends HasMetadata> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> Map<String, T> byName(List<HasMetadata> objects, Class<T> type) {
        Map<String, T> map = new HashMap<>();
        of(objects, type).forEach(o -> map.put(o.getMetadata().getName(), o));
        return map;
    }

    private static String describe(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    /** Every model object's catch-all map of fields it has no property for, recursively: any entry is a typo or a wrong level. */
    private static void unknownFields(Object node, String path, List<String> found, Map<Object, Boolean> seen) throws IOException {
        if (node == null || seen.put(node, true) != null || node instanceof String || node instanceof Number || node instanceof Boolean
                || node instanceof Enum<?>) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", found, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                unknownFields(e.getValue(), path + "." + e.getKey(), found, seen);
            }
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8") && !node.getClass().getPackageName().startsWith("io.strimzi")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(path + ": " + extra.keySet());
                }
                continue;
            }
            // Free-form maps (labels, config, data) are not model objects: only their values are walked.
            unknownFields(value, path + "." + getter.getName().replaceFirst("^(get|is)", ""), found, seen);
        }
    }
}
