package dev.musicluster.gateway.api;

import dev.musicluster.contracts.SongId;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.events.TrainingRequested;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.gateway.domain.RunCatalog;
import dev.musicluster.gateway.domain.RunStatus;
import dev.musicluster.gateway.runs.RunRequests;
import dev.musicluster.kit.MissingObjectException;
import dev.musicluster.kit.ObjectStore;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api/runs")
@Tag(name = "Runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private final RunRequests requests;
    private final RunCatalog runs;
    private final ObjectStore store;

    public RunResource(RunRequests requests, RunCatalog runs, ObjectStore store) {
        this.requests = requests;
        this.runs = runs;
        this.store = store;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a run", description = "Trains the named models (default: conv-vae, vae) on every song with "
            + "features, then clusters each with the named algorithms (default: the clustering service's) and k (a number "
            + "or auto). Hyper-parameters by name: docs/training.md. selection leaves songs out: {\"excludeLabels\": {\"genre\": "
            + "[\"talk\"]}, \"minSeconds\": 60, \"maxSeconds\": 900}, recorded in each model's provenance.")
    @APIResponse(responseCode = "202", description = "Accepted: the run's id and where to follow it")
    @APIResponse(responseCode = "400", description = "Unknown model or invalid run id")
    public Response start(RunRequests.RunConfig config) throws IOException {
        TrainingRequested request = requests.start(config == null ? new RunRequests.RunConfig(null, null, null, null, null, null) : config);
        return Response.accepted(new Started(request.runId(), request.models()))
                .location(URI.create("/api/runs/" + request.runId())).build();
    }

    @GET
    @Operation(summary = "Every run, newest first")
    public List<RunView> all() {
        return runs.all().stream().map(RunView::of).toList();
    }

    @GET
    @Path("/{runId}")
    @Operation(summary = "A run's state, per-model progress, provenance and result links")
    public RunView one(@PathParam("runId") String runId) {
        return RunView.of(find(runId));
    }

    @GET
    @Path("/{runId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The run's live progress as server-sent events", description = "The run as GET /api/runs/{runId} "
            + "shows it, now and after every change (each epoch, each trained and each clustered model); the stream ends "
            + "when the run is done or failed. A run not known yet is waited for.")
    public Multi<RunView> events(@PathParam("runId") String runId) {
        SongId.require(runId);
        return Multi.createFrom().emitter(emitter -> {
            AutoCloseable subscription = runs.subscribe(run -> {
                if (run.runId().equals(runId)) {
                    emit(emitter, run);
                }
            });
            emitter.onTermination(() -> {
                try {
                    subscription.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            runs.find(runId).ifPresent(run -> emit(emitter, run));
        });
    }

    private static void emit(MultiEmitter<? super RunView> emitter, RunStatus run) {
        emitter.emit(RunView.of(run));
        if (run.state() == RunStatus.State.DONE || run.state() == RunStatus.State.FAILED) {
            emitter.complete();
        }
    }

    @GET
    @Path("/{runId}/metrics")
    @Blocking
    @Produces("text/csv")
    @Operation(summary = "clustering_metrics.csv of the run: every representation, algorithm and label column")
    public Response metrics(@PathParam("runId") String runId) throws IOException {
        return object(ObjectKeys.results(find(runId).runId(), "clustering_metrics.csv"), "text/csv");
    }

    @GET
    @Path("/{runId}/assignments")
    @Blocking
    @Produces("text/csv")
    @Operation(summary = "assignments.csv of the run: each song's cluster per representation and algorithm")
    public Response assignments(@PathParam("runId") String runId) throws IOException {
        return object(ObjectKeys.results(find(runId).runId(), "assignments.csv"), "text/csv");
    }

    @GET
    @Path("/{runId}/models/{model}/{file}")
    @Blocking
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN, "text/csv"})
    @Operation(summary = "A trained model's latents (latents.npy, ids.txt), reconstructions (reconstructions.npy, "
            + "reconstructions.ids.txt), training curve (history.csv) or two-dimensional map (map.csv: t-SNE and UMAP)")
    public Response modelFile(@PathParam("runId") String runId, @PathParam("model") String model, @PathParam("file") String file)
            throws IOException {
        ModelTrained trained = find(runId).trained().get(model);
        if (trained == null) {
            throw new NotFoundException("run " + runId + " has no trained model " + model);
        }
        return switch (file) {
            case "latents.npy" -> object(trained.latentsKey(), MediaType.APPLICATION_OCTET_STREAM);
            case "ids.txt" -> object(trained.idsKey(), MediaType.TEXT_PLAIN);
            case "reconstructions.npy" -> object(ObjectKeys.model(runId, model, file), MediaType.APPLICATION_OCTET_STREAM);
            case "reconstructions.ids.txt" -> object(ObjectKeys.model(runId, model, file), MediaType.TEXT_PLAIN);
            case "history.csv" -> object(ObjectKeys.model(runId, model, file), "text/csv");
            case "map.csv" -> object(ObjectKeys.results(runId, "map-" + model + ".csv"), "text/csv");
            default -> throw new NotFoundException("no file " + file + "; there are latents.npy, ids.txt, reconstructions.npy, "
                    + "reconstructions.ids.txt, history.csv, map.csv");
        };
    }

    private RunStatus find(String runId) {
        SongId.require(runId);
        return runs.find(runId).orElseThrow(() -> new NotFoundException("no run " + runId));
    }

    private Response object(String key, String type) throws IOException {
        try {
            return Response.ok(store.get(key)).type(type).build();
        } catch (MissingObjectException e) {
            throw new NotFoundException("not stored (yet): " + key);
        }
    }

    /** The answer to a started run. */
    public record Started(String runId, List<String> models) {
    }
}
