package dev.musicluster.training.app;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.musicluster.contracts.events.LatentEncoded;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.events.SongSelection;
import dev.musicluster.contracts.events.TrainingProgress;
import dev.musicluster.contracts.events.TrainingRequested;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.kit.CompactedTopicReader;
import dev.musicluster.kit.ObjectStore;
import dev.musicluster.training.domain.data.LogMelPooling;
import dev.musicluster.training.domain.data.TrainingSample;
import dev.musicluster.training.domain.data.TrainingSet;
import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.model.ModelKind;
import dev.musicluster.training.domain.model.ModelSpec;
import dev.musicluster.training.domain.model.SongVector;
import dev.musicluster.training.domain.network.Devices;
import dev.musicluster.training.domain.network.EpochResult;
import dev.musicluster.training.domain.network.NetworkTraining;
import dev.musicluster.training.domain.network.PretrainedEncoder;
import dev.musicluster.training.domain.network.SongEncoder;
import dev.musicluster.training.domain.network.TrainedNetwork;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Carries out one training request: assembles the data set from the compacted topics and the store, trains each
 * requested model in turn (progress per epoch), stores checkpoint, normalisation, config, latents and
 * reconstructions, announces each model, and makes the first one that trained the active model. A model that fails
 * is reported with its reason and the others go on; the run fails only when every model failed.
 */
@ApplicationScoped
public class TrainingRun {

    private static final Logger LOG = Logger.getLogger(TrainingRun.class);
    /** Models trained when a request names none: musicnn's representation first when every song has it. */
    public static final List<ModelKind> DEFAULT_MODELS = List.of(ModelKind.MUSICNN, ModelKind.CONV_VAE, ModelKind.VAE);

    private final CompactedTopicReader topics;
    private final DatasetAssembly assembly;
    private final ModelRepository models;
    private final ObjectStore store;
    private final OnlineEncoding online;
    private final LibraryEncoding library;
    private final TrainingSettings settings;
    private final TrainingMetrics metrics;

    public TrainingRun(CompactedTopicReader topics, DatasetAssembly assembly, ModelRepository models, ObjectStore store,
                       OnlineEncoding online, LibraryEncoding library, TrainingSettings settings, TrainingMetrics metrics) {
        this.metrics = metrics;
        this.topics = topics;
        this.assembly = assembly;
        this.models = models;
        this.store = store;
        this.online = online;
        this.library = library;
        this.settings = settings;
    }

    /** Runs the request; counts it as succeeded or failed (the failure then goes to the dead-letter topic). */
    public void run(TrainingRequested request, Publisher publisher) throws IOException {
        try {
            train(request, publisher);
            metrics.runSucceeded();
        } catch (IOException | RuntimeException e) {
            metrics.runFailed();
            throw e;
        }
    }

    private void train(TrainingRequested request, Publisher publisher) throws IOException {
        // The request's own faults first: an unknown model is refused whatever the songs.
        List<ModelKind> named = request.models().stream().map(ModelKind::of).distinct().toList();
        SongState state = SongState.read(topics);
        SongSelection selection = request.selection();
        boolean labelsRead = false;
        if (!selection.isAll()) {
            // The user's selection decides which songs take part by their labels; the labels never enter a model.
            state.readLabels(topics);
            labelsRead = true;
        }
        List<String> known = state.songsWithFeatures();
        List<String> ids = known.stream().filter(id -> selection.keeps(state.labels(id), state.features(id).songSeconds())).toList();
        if (ids.size() < 2) {
            throw new IllegalArgumentException("run " + request.runId() + ": training needs at least 2 songs with features, found "
                    + ids.size() + (selection.isAll() ? "" : " of " + known.size() + " left by the selection " + selection.provenance()));
        }
        Map<String, String> selected = new LinkedHashMap<>(selection.provenance());
        if (!selection.isAll()) {
            selected.put("data.songs-excluded", Integer.toString(known.size() - ids.size()));
        }
        boolean musicnn = DatasetAssembly.everyoneHasMusicnn(ids, state);
        HyperParameters hp = HyperParameters.forRun(request.hyperParameters(), request.k()).resolveVector(musicnn);
        List<ModelKind> kinds = !named.isEmpty() ? named : DEFAULT_MODELS.stream().filter(kind -> musicnn || kind != ModelKind.MUSICNN).toList();
        List<ModelSpec> specs = kinds.stream().map(kind -> ModelSpec.of(kind, hp)).toList();
        boolean conditional = specs.stream().anyMatch(ModelSpec::conditional);
        if (conditional && !labelsRead) {
            // Labels only for a conditional model, which reads the one column the user names.
            state.readLabels(topics);
        }
        // Models that read the spectrogram differently (conv-vae's window in mel-frames, contrastive's song-frames per
        // minute) each get their own pooling of the same fetched spectrograms; every set has the same songs, summaries,
        // lyrics and conditions.
        long assemblyStart = System.nanoTime();
        checkVectors(specs, ids, state);
        // Above the limits, one seeded sample for every model, and for the spectrogram models (whose set holds every
        // song's pooled log-mel at once) a smaller sample of it.
        List<String> trainingIds = TrainingSample.draw(ids, settings.maxTrainingSongs(), hp.seed());
        List<String> spectrogramIds = TrainingSample.draw(trainingIds, settings.maxSpectrogramSongs(), hp.seed());
        String condition = conditional ? hp.condition() : null;
        Map<SongVector, Map<LogMelPooling, TrainingSet>> sets = new LinkedHashMap<>();
        specs.stream().collect(Collectors.groupingBy(ModelSpec::vector, LinkedHashMap::new,
                        Collectors.mapping(spec -> spec.pooling(hp), Collectors.toSet())))
                .forEach((vector, poolings) -> sets.put(vector, assemble(trainingIds, spectrogramIds, state, poolings, vector, condition)));
        LOG.infof("run %s: %s assembled in %.1f s", request.runId(), sets.values(), (System.nanoTime() - assemblyStart) / 1e9);
        checkApplicable(specs, sets.values().iterator().next().values().iterator().next(), hp);
        Device device = Devices.pick(settings.device());
        Run run = new Run(request, ids, state, condition, hp, device, publisher, DatasetAssembly.dataHash(ids, state),
                DatasetAssembly.featureProvenance(ids, state), selected);
        // Models are announced in the request's order, the first that trained the primary; one trained on a sample of
        // the spectrograms waits for the pass that encodes every song for all such models at once, and so do the
        // models after it.
        List<Model> spectrogramPass = new ArrayList<>();
        for (ModelSpec spec : specs) {
            Model model = trainOrReport(run, spec, sets.get(spec.vector()).get(spec.pooling(hp)));
            run.models.add(model);
            if (model.failure == null && model.set.size() < ids.size()) {
                if (spec.input().usesLogMel()) {
                    spectrogramPass.add(model);
                } else {
                    encodeEverySong(run, List.of(model));
                }
            }
            announceReady(run);
        }
        encodeEverySong(run, spectrogramPass);
        announceReady(run);
        if (!run.activated) {
            throw new IllegalStateException("run " + request.runId() + ": every model failed: " + run.models.stream()
                    .map(m -> m.spec.kind().id() + ": " + m.failure).collect(Collectors.joining("; ")));
        }
    }

    /** What every model of a run shares. */
    private static final class Run {
        final TrainingRequested request;
        final List<String> ids;
        final SongState state;
        final String condition;
        final HyperParameters hp;
        final Device device;
        final Publisher publisher;
        final String dataHash;
        final Map<String, String> features;
        final Map<String, String> selected;
        /** In the request's order. */
        final List<Model> models = new ArrayList<>();
        int announced;
        boolean activated;

        Run(TrainingRequested request, List<String> ids, SongState state, String condition, HyperParameters hp, Device device,
            Publisher publisher, String dataHash, Map<String, String> features, Map<String, String> selected) {
            this.request = request;
            this.ids = ids;
            this.state = state;
            this.condition = condition;
            this.hp = hp;
            this.device = device;
            this.publisher = publisher;
            this.dataHash = dataHash;
            this.features = features;
            this.selected = selected;
        }
    }

    /** One model of a run: trained (or why not), then its latent for every song, then announced. */
    private static final class Model {
        final ModelSpec spec;
        final TrainingSet set;
        SongEncoder network;
        TrainingProgress lastEpoch;
        List<LatentEncoded> latents;
        String failure;

        Model(ModelSpec spec, TrainingSet set) {
            this.spec = spec;
            this.set = set;
        }

        boolean settled() {
            return failure != null || latents != null;
        }
    }

    /** Announces, in the request's order, every model whose latents are known, up to the first that still waits. */
    private void announceReady(Run run) throws IOException {
        while (run.announced < run.models.size() && run.models.get(run.announced).settled()) {
            Model model = run.models.get(run.announced++);
            if (model.failure == null) {
                announce(run, model);
            }
        }
    }

    private void announce(Run run, Model model) throws IOException {
        // The primary model is the first one that trained: a run whose first model failed still gets an active one.
        boolean primary = !run.activated;
        SongEncoder network = model.network;
        try {
            Map<String, String> provenance = provenance(run.dataHash, model.set, run.hp, run.device, network);
            if (model.set.size() < run.ids.size()) {
                provenance.put("data.trained-on", String.format(Locale.ROOT, "a sample of %d of the %d songs (seed %d; every song "
                        + "encoded)", model.set.size(), run.ids.size(), run.hp.seed()));
            }
            provenance.putAll(run.features);
            provenance.putAll(run.selected);
            StoredModel config = new StoredModel(run.request.runId(), model.spec.kind().id(), network.shape(), run.hp, provenance,
                    run.request.selection());
            run.publisher.trained(store(run.request, config, network, model.set, model.latents, primary));
            metrics.modelTrained();
            if (primary) {
                online.activate(config, network, model.latents, run.publisher);
                run.activated = true;
                network = null;
            }
        } finally {
            model.network = null;
            model.latents = List.of();
            if (network != null) {
                network.close();
            }
        }
    }

    /**
     * Trains one model and, when it trained on every song, keeps their latents. A model that fails — it diverges, or
     * runs out of memory on the host or the device — is reported as failed (a {@code training.progress} event with
     * the reason) and the run goes on with its other models; only a failure of the store or the broker fails the
     * whole run.
     */
    private Model trainOrReport(Run run, ModelSpec spec, TrainingSet set) {
        Model model = new Model(spec, set);
        try {
            model.network = spec.pretrained() ? pretrained(run.request.runId(), spec, set, run.publisher)
                    : train(run.request.runId(), spec, run.hp, set, run.device, run.publisher, progress -> model.lastEpoch = progress);
            if (set.size() == run.ids.size()) {
                model.latents = OnlineEncoding.latents(run.request.runId(), spec.kind().id(), model.network, set);
            }
        } catch (PublishingFailed e) {
            throw e.cause;
        } catch (RuntimeException | OutOfMemoryError e) {
            fail(run, model, e);
        }
        return model;
    }

    /** Reports the model as failed with the reason, frees its network, and lets the run go on. */
    private void fail(Run run, Model model, Throwable e) {
        if (model.network != null) {
            model.network.close();
            model.network = null;
        }
        String id = model.spec.kind().id();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        model.failure = e instanceof OutOfMemoryError ? id + " ran out of memory: " + message : message;
        LOG.warnf(e, "run %s: %s failed, the run goes on with its other models: %s", run.request.runId(), id, model.failure);
        metrics.modelFailed();
        int epochs = run.hp.epochs();
        int epoch = model.lastEpoch == null ? 1 : Math.min(model.lastEpoch.epoch() + 1, epochs);
        run.publisher.progress(TrainingProgress.failedIn(run.request.runId(), id, epoch, epochs, model.lastEpoch, model.failure,
                Instant.now()));
    }

    /** Least time between two progress events of a pass over the library. */
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    /**
     * Every song's latent under models trained on a sample, in one pass over the library, with a progress event per
     * model at most every 5 s: at 100,000 songs the pass takes minutes and nothing else of the run moves meanwhile.
     */
    private void encodeEverySong(Run run, List<Model> models) {
        if (models.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        long[] lastReport = {started};
        List<LibraryEncoding.Encoder> encoders = models.stream().map(m -> new LibraryEncoding.Encoder(m.spec.kind().id(), m.network,
                m.spec.pooling(run.hp), m.spec.vector())).toList();
        List<LibraryEncoding.Encoded> encoded = library.encode(run.request.runId(), encoders, run.ids, run.state, run.condition, (songs, of) -> {
            if (songs < of && System.nanoTime() - lastReport[0] < PROGRESS_NANOS) {
                return;
            }
            lastReport[0] = System.nanoTime();
            for (Model model : models) {
                TrainingProgress last = model.lastEpoch != null ? model.lastEpoch
                        : new TrainingProgress(TrainingProgress.SCHEMA_VERSION, run.request.runId(), model.spec.kind().id(), 1, 1, 0, 0, 0, 0, Instant.now());
                run.publisher.progress(TrainingProgress.encoding(last, songs, of, Instant.now()));
            }
        });
        for (int i = 0; i < models.size(); i++) {
            if (encoded.get(i).failure() == null) {
                models.get(i).latents = encoded.get(i).latents();
            } else {
                fail(run, models.get(i), encoded.get(i).failure());
            }
        }
        LOG.infof("run %s: %s encoded %d songs in %.1f s (one pass)", run.request.runId(),
                models.stream().map(m -> m.spec.kind().id()).collect(Collectors.joining(", ")), run.ids.size(),
                (System.nanoTime() - started) / 1e9);
    }

    private TrainedNetwork train(String runId, ModelSpec spec, HyperParameters hp, TrainingSet set, Device device, Publisher publisher,
                                 Consumer<TrainingProgress> reported) {
        LOG.infof("run %s: training %s on %s for %d epochs", runId, spec.kind().id(), device, hp.epochs());
        return NetworkTraining.fit(spec, hp, set, device, epoch -> {
            LOG.debugf("run %s %s epoch %d/%d loss %.4f", runId, spec.kind().id(), epoch.epoch(), epoch.epochs(), epoch.loss());
            TrainingProgress progress = new TrainingProgress(TrainingProgress.SCHEMA_VERSION, runId, spec.kind().id(), epoch.epoch(),
                    epoch.epochs(), epoch.loss(), epoch.reconstruction(), epoch.kl(), epoch.seconds(), Instant.now());
            metrics.epoch(progress);
            try {
                publisher.progress(progress);
            } catch (RuntimeException e) {
                throw new PublishingFailed(e);
            }
            reported.accept(progress);
        });
    }

    /** The sets of one song vector: those without spectrograms of {@code ids}, those with of {@code spectrogramIds}. */
    private Map<LogMelPooling, TrainingSet> assemble(List<String> ids, List<String> spectrogramIds, SongState state,
                                                     Set<LogMelPooling> poolings, SongVector vector, String condition) {
        if (spectrogramIds.size() == ids.size()) {
            return assembly.assemble(ids, state, poolings, vector, condition);
        }
        Map<LogMelPooling, TrainingSet> sets = new LinkedHashMap<>();
        if (poolings.contains(LogMelPooling.NONE)) {
            sets.putAll(assembly.assemble(ids, state, Set.of(LogMelPooling.NONE), vector, condition));
        }
        Set<LogMelPooling> reading = poolings.stream().filter(LogMelPooling::readsLogMel).collect(Collectors.toSet());
        if (!reading.isEmpty()) {
            sets.putAll(assembly.assemble(spectrogramIds, state, reading, vector, condition));
        }
        return sets;
    }

    /** A pretrained representation, standardised on the run's songs: one step, reported as one epoch. */
    private SongEncoder pretrained(String runId, ModelSpec spec, TrainingSet set, Publisher publisher) {
        long started = System.nanoTime();
        PretrainedEncoder encoder = PretrainedEncoder.fit(spec, set);
        TrainingProgress progress = new TrainingProgress(TrainingProgress.SCHEMA_VERSION, runId, spec.kind().id(), 1, 1, 0, 0, 0,
                (System.nanoTime() - started) / 1e9, Instant.now());
        try {
            publisher.progress(progress);
        } catch (RuntimeException e) {
            throw new PublishingFailed(e);
        }
        return encoder;
    }

    /** Refuses a run whose models read musicnn's vector when some of its songs have none. */
    private static void checkVectors(List<ModelSpec> specs, List<String> ids, SongState state) {
        boolean musicnn = specs.stream().anyMatch(spec -> spec.vector() == SongVector.MUSICNN);
        if (musicnn && !DatasetAssembly.everyoneHasMusicnn(ids, state)) {
            long missing = ids.stream().filter(id -> state.features(id).musicnn() == null).count();
            throw new IllegalArgumentException(specs.stream().filter(spec -> spec.vector() == SongVector.MUSICNN)
                    .map(spec -> spec.kind().id()).collect(Collectors.joining(", ")) + " read musicnn's representation, and "
                    + missing + " of the " + ids.size() + " songs have none (features extracted before musicnn existed, or with "
                    + "musicluster.features.musicnn=false): extract them again, or train with vector=summary");
        }
    }

    /** The broker refused an event while a model trained: a failure of the run, not of the model. */
    private static final class PublishingFailed extends RuntimeException {

        private final RuntimeException cause;

        PublishingFailed(RuntimeException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** Refuses a request before any training when one of its models cannot be trained on these songs. */
    private static void checkApplicable(List<ModelSpec> specs, TrainingSet set, HyperParameters hp) {
        for (ModelSpec spec : specs) {
            if (spec.input().usesLyrics() && set.songsWithLyrics() == 0) {
                throw new IllegalArgumentException(spec.kind().id() + " needs lyrics embeddings, and none of the "
                        + set.size() + " songs has any");
            }
            if (spec.conditional() && set.conditions().stream().filter(c -> !c.isEmpty()).distinct().count() < 2) {
                throw new IllegalArgumentException(spec.kind().id() + " conditions on the label column '" + hp.condition()
                        + "', which fewer than 2 categories of the songs have");
            }
        }
    }

    private ModelTrained store(TrainingRequested request, StoredModel config, SongEncoder network, TrainingSet set, List<LatentEncoded> latents,
                               boolean primary) throws IOException {
        String checkpoint = models.save(config, network);
        String latentsKey = ObjectKeys.latents(config.runId(), config.model() + ".npy");
        String idsKey = ObjectKeys.latents(config.runId(), config.model() + ".ids.txt");
        store.put(latentsKey, NpyFormat.toBytes(NpyArray.ofRows(latents.stream().map(LatentEncoded::latent).toArray(float[][]::new))),
                "application/octet-stream");
        // Every song's latent, also of a model trained on a sample (whose set holds the sample only).
        store.put(idsKey, (latents.stream().map(LatentEncoded::songId).collect(Collectors.joining("\n")) + "\n")
                .getBytes(StandardCharsets.UTF_8), "text/plain");
        store.put(ModelRepository.key(config.runId(), config.model(), "history.csv"),
                historyCsv(network.history()).getBytes(StandardCharsets.UTF_8), "text/csv");
        if (config.shape().spec().input().usesLogMel() && config.shape().spec().reconstructs()) {
            storeReconstructions(config, network, set);
        }
        return new ModelTrained(ModelTrained.SCHEMA_VERSION, config.runId(), config.model(), checkpoint, latentsKey, idsKey,
                config.shape().spec().latent(), latents.size(), primary, config.provenance(), request.algorithms(), request.k(), Instant.now());
    }

    /** Every epoch's losses, for training curves: the progress events say the same, but a compacted topic forgets. */
    private static String historyCsv(List<EpochResult> history) {
        StringBuilder csv = new StringBuilder("epoch,loss,reconstruction,kl,seconds\n");
        for (EpochResult e : history) {
            csv.append(String.format(java.util.Locale.ROOT, "%d,%.6g,%.6g,%.6g,%.3f\n", e.epoch(), e.loss(), e.reconstruction(), e.kl(),
                    e.seconds()));
        }
        return csv.toString();
    }

    /** The first songs' pooled log-mel beside its reconstruction from the latent mean: (songs, 2, mels, frames) dB. */
    private void storeReconstructions(StoredModel config, SongEncoder network, TrainingSet set) throws IOException {
        int count = Math.min(settings.reconstructions(), set.size());
        if (count == 0) {
            return;
        }
        TrainingSet few = set.select(IntStream.range(0, count).toArray());
        float[] reconstructed = network.reconstructAudio(few);
        int width = few.mels() * few.frames();
        float[] pairs = new float[count * 2 * width];
        for (int s = 0; s < count; s++) {
            System.arraycopy(few.logMel(), s * width, pairs, (2 * s) * width, width);
            System.arraycopy(reconstructed, s * width, pairs, (2 * s + 1) * width, width);
        }
        store.put(ModelRepository.key(config.runId(), config.model(), "reconstructions.npy"),
                NpyFormat.toBytes(new NpyArray(new int[] {count, 2, few.mels(), few.frames()}, pairs)), "application/octet-stream");
        store.put(ModelRepository.key(config.runId(), config.model(), "reconstructions.ids.txt"),
                (String.join("\n", few.ids()) + "\n").getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    private static Map<String, String> provenance(String dataHash, TrainingSet set, HyperParameters hp, Device device,
                                                  SongEncoder network) {
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("data.sha256", dataHash);
        provenance.put("data.songs", Integer.toString(set.size()));
        provenance.put("data.songs-with-lyrics", Integer.toString(set.hasLyrics() ? set.songsWithLyrics() : 0));
        hp.toMap().forEach((name, value) -> provenance.put("config." + name, value));
        provenance.put("seed", Long.toString(hp.seed()));
        provenance.put("device", device.toString());
        provenance.put("device.threads", Integer.toString(Devices.threads()));
        provenance.put("device.cpu", Devices.cpu());
        provenance.put("library.djl", Engine.getDjlVersion());
        provenance.put("library.pytorch", Devices.engine().getVersion());
        provenance.put("library.java", Runtime.version().toString());
        var history = network.history();
        provenance.put("input.vector", network.shape().spec().input().usesLogMel() ? "log-mel" : network.shape().spec().vector().id());
        if (history.isEmpty()) {
            provenance.put("training", "none: a pretrained representation, standardised on these songs");
            return provenance;
        }
        provenance.put("training.seconds", String.format(java.util.Locale.ROOT, "%.3f",
                history.stream().mapToDouble(e -> e.seconds()).sum()));
        provenance.put("training.final-loss", Double.toString(history.get(history.size() - 1).loss()));
        provenance.put("training.first-loss", Double.toString(history.get(0).loss()));
        return provenance;
    }
}
