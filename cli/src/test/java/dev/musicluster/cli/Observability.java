package dev.musicluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks deploy/k8s's observability against the running services: every metric its dashboards and alert rules use
 * is in a real scrape, and Debian's Prometheus, with the deployment's configuration and rules, scrapes them.
 */
final class Observability {

    private static final Path OBSERVABILITY = Path.of("..", "deploy", "k8s", "base", "observability");
    /** A metric selector in PromQL: a name followed by its label matchers (every expression of ours writes them). */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Observability() {
    }

    /** Each service's HTTP port, from the line Quarkus logs at start. */
    static Map<String, Integer> ports(Path logs) throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.sorted().toList()) {
                Matcher matcher = LISTENING.matcher(Files.readString(log));
                if (matcher.find()) {
                    ports.put(log.getFileName().toString().replace(".log", ""), Integer.parseInt(matcher.group(1)));
                }
            }
        }
        return ports;
    }

    /** Metric names of the Grafana dashboards and the alert rules ({@code up} is Prometheus's own). */
    static Set<String> metricsUsed() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(OBSERVABILITY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json") || f.getFileName().toString().equals("alerts.yml")).toList()) {
                Matcher matcher = SELECTOR.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        names.remove("up");
        return names;
    }

    static void assertEveryUsedMetricIsScraped(Map<String, Integer> ports) throws Exception {
        Set<String> scraped = new TreeSet<>();
        for (int port : ports.values()) {
            get("http://127.0.0.1:" + port + "/q/metrics").lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .forEach(l -> scraped.add(l.split("[{ ]", 2)[0]));
        }
        Set<String> used = metricsUsed();
        assertThat(used).as("metrics in the dashboards and alert rules").hasSizeGreaterThan(8);
        assertThat(scraped).as("metrics scraped from the five services").containsAll(used);
    }

    /**
     * Debian's promtool accepts the deployment's rules and configuration, and its Prometheus, with that configuration,
     * scrapes the five local services: the only change is the target list, the local ports instead of the pods that
     * the cluster's DNS names resolve to.
     */
    static void assertPrometheusScrapesThem(Map<String, Integer> ports, Path work) throws Exception {
        Path rules = work.resolve("alerts.yml");
        Files.copy(OBSERVABILITY.resolve("alerts.yml"), rules);
        run("promtool", "check", "rules", rules.toString());
        String rendered = Files.readString(OBSERVABILITY.resolve("prometheus.yml")).replace("/etc/prometheus/alerts.yml", rules.toString());
        Path deployed = work.resolve("prometheus-k8s.yml");
        Files.writeString(deployed, rendered);
        run("promtool", "check", "config", deployed.toString());

        StringBuilder targets = new StringBuilder("    static_configs:\n");
        ports.forEach((service, port) -> targets.append("      - targets: ['127.0.0.1:").append(port).append("']\n")
                .append("        labels: {service: ").append(service).append("}\n"));
        String local = rendered.substring(0, rendered.indexOf("    dns_sd_configs:")) + targets
                + rendered.substring(rendered.indexOf("    relabel_configs:"));
        Path config = work.resolve("prometheus-local.yml");
        Files.writeString(config, local);
        int port = dev.musicluster.infra.FreePorts.next();
        Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + work.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        try {
            String api = "http://127.0.0.1:" + port + "/api/v1/";
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            String up = "";
            while (System.nanoTime() < deadline) {
                try {
                    up = get(api + "query?query=" + URLEncoder.encode("sum(up{job=\"musicluster\"})", StandardCharsets.UTF_8));
                    if (up.contains("\"" + ports.size() + "\"]")) {
                        break;
                    }
                } catch (IOException notYet) {
                    // Prometheus still starting
                }
                Thread.sleep(1000);
            }
            assertThat(up).as("all %d services up in Prometheus (log: %s)", ports.size(), work.resolve("prometheus.log"))
                    .contains("\"" + ports.size() + "\"]");
            assertThat(get(api + "query?query=" + URLEncoder.encode("count(musicluster_clustering_metric{metric=\"nmi\"})",
                    StandardCharsets.UTF_8))).as("clustering gauges scraped").contains("\"result\":[{");
            String loaded = get(api + "rules");
            for (String alert : new String[] {"ConsumerLagGrowing", "DeadLettersArriving", "TrainingRunFailed", "ServiceDown"}) {
                assertThat(loaded).contains(alert);
            }
        } finally {
            prometheus.destroy();
            prometheus.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0).as(String.join(" ", command) + ": " + output).isTrue();
    }
}
