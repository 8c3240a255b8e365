package dev.musicluster.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.ClusteringCompleted;
import dev.musicluster.contracts.events.DeadLetters;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.events.TrainingProgress;
import dev.musicluster.contracts.events.TrainingRequested;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.infra.KafkaProbe;
import dev.musicluster.infra.LocalInfra;
import dev.musicluster.infra.LocalInfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs through the real broker: a POST publishes the request; the run's events make its status; results are served. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class RunApiTest {

    LocalInfra infra;

    @Test
    void aRunIsStartedFollowedAndItsResultsServed() throws Exception {
        KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
        String runId = Writers.given().contentType(ContentType.JSON)
                .body("{\"models\":[\"vae\",\"ae\"],\"hyperParameters\":{\"epochs\":\"5\"},\"algorithms\":[\"kmeans\"],\"k\":\"4\","
                        + "\"selection\":{\"excludeLabels\":{\"genre\":[\"Talk\"]},\"maxSeconds\":900}}")
                .post("/api/runs").then().statusCode(202).extract().path("runId");
        TrainingRequested request = EventCodec.fromJson(probe.await(Topics.TRAINING_REQUESTS.name(), r -> runId.equals(r.key()),
                Duration.ofSeconds(30)).value(), TrainingRequested.class);
        assertThat(request.models()).containsExactly("vae", "ae");
        assertThat(request.hyperParameters()).containsEntry("epochs", "5");
        assertThat(request.k()).isEqualTo("4");
        assertThat(request.selection().provenance()).containsEntry("selection.exclude.genre", "talk")
                .containsEntry("selection.max-seconds", "900.0");
        awaitState(runId, "REQUESTED");

        probe.send(Topics.TRAINING_PROGRESS.name(), runId, EventCodec.toJson(new TrainingProgress(1, runId, "vae", 2, 5, 9.5, 8.0, 1.5,
                0.1, Instant.now())), Map.of());
        awaitState(runId, "TRAINING");
        // Trained on a sample, the model encodes every song: the run says how far, and is still training.
        probe.send(Topics.TRAINING_PROGRESS.name(), runId, EventCodec.toJson(TrainingProgress.encoding(new TrainingProgress(1, runId, "ae",
                5, 5, 4.0, 3.0, 0, 0.1, Instant.now()), 1_000, 3_000, Instant.now())), Map.of());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (given().get("/api/runs/" + runId).path("byModel.ae.encoded") == null) {
            assertThat(System.nanoTime()).as("the encoding progress never reached the run").isLessThan(deadline);
            Thread.sleep(200);
        }
        given().get("/api/runs/" + runId).then().body("byModel.ae.encoded", equalTo(1_000)).body("byModel.ae.toEncode", equalTo(3_000))
                .body("byModel.ae.epoch", equalTo(5)).body("byModel.vae.toEncode", nullValue()).body("state", equalTo("TRAINING"));
        for (String model : List.of("vae", "ae")) {
            ModelTrained trained = new ModelTrained(1, runId, model, ObjectKeys.model(runId, model, "parameters.djl"),
                    ObjectKeys.latents(runId, model + ".npy"), ObjectKeys.latents(runId, model + ".ids.txt"), 8, 3,
                    model.equals("vae"), Map.of("seed", "42"), List.of("kmeans"), "4", Instant.now());
            probe.send(Topics.MODELS_TRAINED.name(), trained.key(), EventCodec.toJson(trained), Map.of());
        }
        awaitState(runId, "CLUSTERING");
        infra.s3().put(ObjectKeys.results(runId, "clustering_metrics.csv"), "representation,model\nvae,vae\n".getBytes(StandardCharsets.UTF_8));
        infra.s3().put(ObjectKeys.latents(runId, "vae.ids.txt"), "a\nb\nc\n".getBytes(StandardCharsets.UTF_8));
        for (String model : List.of("vae", "ae")) {
            ClusteringCompleted done = new ClusteringCompleted(1, runId, ObjectKeys.results(runId, "clustering_metrics.csv"),
                    ObjectKeys.results(runId, "assignments.csv"), model, "kmeans", Instant.now(), null);
            probe.send(Topics.CLUSTERING_RESULTS.name(), done.key(), EventCodec.toJson(done), Map.of());
        }
        awaitState(runId, "DONE");
        given().get("/api/runs/" + runId).then().statusCode(200).body("byModel.vae.epoch", equalTo(2))
                .body("byModel.vae.primary", equalTo(true)).body("byModel.vae.provenance.seed", equalTo("42"))
                .body("metrics", equalTo("/api/runs/" + runId + "/metrics"));
        given().get("/api/runs/" + runId + "/metrics").then().statusCode(200).body(containsString("vae,vae"));
        given().get("/api/runs/" + runId + "/models/vae/ids.txt").then().statusCode(200).body(equalTo("a\nb\nc\n"));
        given().get("/api/runs/" + runId + "/assignments").then().statusCode(404);
        given().get("/api/runs").then().statusCode(200).body(containsString(runId));
    }

    @Test
    @Timeout(120)
    void aRunsProgressStreamsAsServerSentEventsUntilItIsDone() throws Exception {
        KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
        // A stream opened before its run exists waits for it.
        var early = stream("run-later");
        Writers.given().contentType(ContentType.JSON).body("{\"runId\":\"run-later\",\"models\":[\"vae\"]}").post("/api/runs").then().statusCode(202);
        assertThat(early.get(30, TimeUnit.SECONDS).body().filter(line -> line.startsWith("data:")).findFirst())
                .hasValueSatisfying(line -> assertThat(line).contains("\"runId\":\"run-later\"", "\"state\":\"REQUESTED\""));

        // Each change of a run is an event, until the run is done; the stream then ends. Each event is sent only once
        // the one before has been seen, since the gateway reads the topics in no order across them.
        String runId = "run-live";
        Writers.given().contentType(ContentType.JSON).body("{\"runId\":\"run-live\",\"models\":[\"vae\"]}").post("/api/runs").then().statusCode(202);
        awaitState(runId, "REQUESTED");
        var lines = stream(runId).get(30, TimeUnit.SECONDS).body().iterator();
        assertThat(nextState(lines)).isEqualTo("REQUESTED");
        probe.send(Topics.TRAINING_PROGRESS.name(), runId, EventCodec.toJson(new TrainingProgress(1, runId, "vae", 1, 2, 3.0, 2.5, 0.5,
                0.1, Instant.now())), Map.of());
        assertThat(nextState(lines)).isEqualTo("TRAINING");
        probe.send(Topics.MODELS_TRAINED.name(), runId + "/vae", EventCodec.toJson(new ModelTrained(1, runId, "vae", "k", "l", "i", 8, 3,
                true, Map.of(), List.of(), null, Instant.now())), Map.of());
        assertThat(nextState(lines)).isEqualTo("CLUSTERING");
        probe.send(Topics.CLUSTERING_RESULTS.name(), runId + "/vae", EventCodec.toJson(new ClusteringCompleted(1, runId, "m", "a", "vae",
                "kmeans", Instant.now(), null)), Map.of());
        assertThat(nextState(lines)).isEqualTo("DONE");
        while (lines.hasNext()) {
            assertThat(lines.next()).as("nothing after the run is done").doesNotStartWith("data:");
        }
        given().get("/api/runs/bad+id/events").then().statusCode(400);
    }

    private CompletableFuture<HttpResponse<Stream<String>>> stream(String runId) {
        return HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(events.resolve(runId + "/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
    }

    /** The state of the next event of the stream (reads block until it comes; the test's own timeout bounds them). */
    private static String nextState(Iterator<String> lines) {
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data:")) {
                return line.replaceAll(".*\"state\":\"([A-Z]+)\".*", "$1");
            }
        }
        return "(stream ended)";
    }

    @TestHTTPResource("/api/runs/")
    URI events;

    @Test
    void aRefusedRequestFailsItsRunWithTheReasonAndBadInputIsAnswered400() throws Exception {
        KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
        Writers.given().contentType(ContentType.JSON).body("{\"models\":[\"gan\"]}").post("/api/runs").then().statusCode(400)
                .body("error", containsString("unknown model 'gan'"));
        Writers.given().contentType(ContentType.JSON).body("{\"runId\":\"../etc\"}").post("/api/runs").then().statusCode(400);
        Writers.given().contentType(ContentType.JSON).body("{\"selection\":{\"minSeconds\":600,\"maxSeconds\":60}}").post("/api/runs")
                .then().statusCode(400);
        given().get("/api/runs/no-such-run").then().statusCode(404);

        String runId = Writers.given().contentType(ContentType.JSON).body("{\"runId\":\"run-refused\"}").post("/api/runs")
                .then().statusCode(202).extract().path("runId");
        String value = probe.await(Topics.TRAINING_REQUESTS.name(), r -> runId.equals(r.key()), Duration.ofSeconds(30)).value();
        probe.send(Topics.DLQ_TRAINING_SERVICE.name(), runId, value, Map.of(DeadLetters.REASON, "epochs must be in 1..10000",
                DeadLetters.TOPIC, Topics.TRAINING_REQUESTS.name()));
        awaitState(runId, "FAILED");
        given().get("/api/runs/" + runId).then().body("failure", equalTo("epochs must be in 1..10000"));
    }

    private static void awaitState(String runId, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var response = given().get("/api/runs/" + runId);
            if (response.statusCode() == 200 && state.equals(response.path("state"))) {
                return;
            }
            assertThat(System.nanoTime()).as("run " + runId + " never reached " + state + ": " + response.asString()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
