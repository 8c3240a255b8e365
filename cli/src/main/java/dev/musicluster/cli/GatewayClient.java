package dev.musicluster.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.musicluster.library.ManifestEntry;
import dev.musicluster.library.SongDescription;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The gateway's REST API, as the command line uses it. */
final class GatewayClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A client for reads only. */
    GatewayClient(String baseUrl) {
        this(baseUrl, null);
    }

    /** {@code apiKey}: sent with every write (X-API-Key); null when the client only reads. */
    GatewayClient(String baseUrl, String apiKey) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.apiKey = apiKey;
    }

    /** A write request: carries the API key when there is one. */
    private HttpRequest.Builder writing(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        return apiKey == null ? request : request.header("X-API-Key", apiKey);
    }

    private static String refusal(int status) {
        return status == 401 ? " (writes need an API key: --api-key or MUSICLUSTER_API_KEY)" : "";
    }

    URI base() {
        return base;
    }

    /** The outcome of one upload: the HTTP status and the song id, or the gateway's error sentence. */
    record Upload(int status, String id, String message) {
        boolean ok() {
            return status == 200 || status == 202;
        }
    }

    Upload ingest(ManifestEntry entry) throws IOException, InterruptedException {
        return ingest(entry.audio(), entry.id(), entry.description());
    }

    /** Uploads a song's audio with its description; {@code id} null lets the gateway derive it from the audio. */
    Upload ingest(Path audio, String id, SongDescription description) throws IOException, InterruptedException {
        ObjectNode metadata = metadata(id, description);
        MultipartBody body = new MultipartBody()
                .file("audio", audio, "application/octet-stream")
                .json("metadata", JSON.writeValueAsString(metadata));
        HttpRequest request = writing("api/songs")
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", body.contentType())
                .POST(body.publisher())
                .build();
        return upload(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** A known song's new description, its audio kept (a retagged or moved file). */
    Upload describe(String id, SongDescription description) throws IOException, InterruptedException {
        HttpRequest request = writing("api/songs/" + id + "/metadata").timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(metadata(id, description)))).build();
        return upload(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** Removes a song: 204 removed, 404 unknown (or removed already). */
    Upload remove(String id) throws IOException, InterruptedException {
        HttpRequest request = writing("api/songs/" + id).timeout(Duration.ofSeconds(60)).DELETE().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode answer = parse(response.body());
        return new Upload(response.statusCode(), id, answer.has("error") ? answer.get("error").asText() + refusal(response.statusCode())
                : response.statusCode() == 401 ? "refused" + refusal(401) : null);
    }

    /** Where the library stands ({@code GET /api/library}). */
    JsonNode library() throws IOException, InterruptedException {
        return parse(new String(download("api/library"), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static ObjectNode metadata(String id, SongDescription description) {
        ObjectNode metadata = JSON.createObjectNode();
        if (id != null) {
            metadata.put("id", id);
        }
        metadata.put("title", description.title());
        metadata.put("artist", description.artist());
        putIfPresent(metadata, "album", description.album());
        putIfPresent(metadata, "albumArtist", description.albumArtist());
        putIfPresent(metadata, "track", description.track());
        putIfPresent(metadata, "year", description.year());
        putIfPresent(metadata, "musicBrainzRecordingId", description.musicBrainzRecordingId());
        putIfPresent(metadata, "lyrics", description.lyrics());
        metadata.set("labels", JSON.valueToTree(description.labels()));
        putIfPresent(metadata, "source", description.source());
        return metadata;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static Upload upload(HttpResponse<String> response) {
        JsonNode answer = parse(response.body());
        return new Upload(response.statusCode(), text(answer, "id"),
                answer.has("error") ? answer.get("error").asText() + refusal(response.statusCode())
                        : response.statusCode() == 401 ? "refused" + refusal(401) : text(answer, "status"));
    }

    /** Every song, page after page (the gateway's Link header: rel=next). */
    List<Map<String, Object>> songs() throws IOException, InterruptedException {
        List<Map<String, Object>> songs = new java.util.ArrayList<>();
        String next = "api/songs";
        while (next != null) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(next)).timeout(Duration.ofSeconds(30)).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET /" + next + " answered " + response.statusCode() + ": " + response.body());
            }
            songs.addAll(JSON.readValue(response.body(), new TypeReference<List<Map<String, Object>>>() { }));
            next = response.headers().firstValue("Link").map(GatewayClient::nextPage).orElse(null);
        }
        return songs;
    }

    /** {@code </api/songs?offset=5000&limit=5000>; rel="next"} → {@code api/songs?offset=5000&limit=5000}. */
    static String nextPage(String link) {
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("<\\/?([^>]+)>\\s*;\\s*rel=\"next\"").matcher(link);
        return next.find() ? next.group(1) : null;
    }

    /** Starts a run; returns its id. */
    String startRun(Map<String, Object> config) throws IOException, InterruptedException {
        HttpRequest request = writing("api/runs").timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode answer = parse(response.body());
        if (response.statusCode() != 202) {
            throw new IOException("the gateway refused the run (" + response.statusCode() + "): " + text(answer, "error")
                    + refusal(response.statusCode()));
        }
        return answer.get("runId").asText();
    }

    /**
     * The run as the gateway shows it, or empty while the gateway has not seen it yet: its view follows the topics,
     * so a run just started may be unknown for a moment.
     */
    java.util.Optional<JsonNode> run(String runId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/runs/" + runId)).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return java.util.Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/runs/" + runId + " answered " + response.statusCode() + ": " + response.body());
        }
        return java.util.Optional.of(parse(response.body()));
    }

    /** The body of a GET on a path under the gateway's base URL; anything but 200 is an error with the gateway's words. */
    byte[] download(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2)).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET /" + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /** What a GET answered, whatever its status: for measuring reads, hostile ones included. */
    record Answer(int status, long bytes, double millis) {
    }

    Answer fetch(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5)).GET().build();
        long started = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body().length, (System.nanoTime() - started) / 1e6);
    }

    /** True once the service answers its readiness probe with 200. */
    boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("q/health/ready")).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("error", body);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
