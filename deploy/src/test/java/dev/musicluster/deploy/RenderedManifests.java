package dev.musicluster.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An overlay of deploy/k8s as kubectl renders it, every object parsed into the fabric8 Kubernetes model (Strimzi's
 * model for Kafka, KafkaNodePool and KafkaTopic).
 */
final class RenderedManifests {

    static final Path K8S = Path.of("k8s");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Class<? extends HasMetadata>> STRIMZI = Map.of(
            "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class, "KafkaTopic", KafkaTopic.class);

    private RenderedManifests() {
    }

    /** Generates the overlay's credentials if absent (as a user does first), then renders it; skips without kubectl. */
    static List<HasMetadata> render(String overlay) throws IOException, InterruptedException {
        assumeTrue(onPath("kubectl"), "kubectl is not on the PATH (.ci/run installs Debian's kubernetes-client)");
        run(List.of("bash", K8S.resolve("generate-secrets.sh").toString(), overlay));
        String yaml = run(List.of("kubectl", "kustomize", K8S.resolve("overlays").resolve(overlay).toString()));
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            Map<?, ?> raw = YAML.readValue(document, Map.class);
            Class<? extends HasMetadata> strimzi = STRIMZI.get(String.valueOf(raw.get("kind")));
            objects.add(strimzi != null ? YAML.readValue(document, strimzi) : SERIALIZATION.unmarshal(document));
        }
        return objects;
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
