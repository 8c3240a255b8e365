package dev.musicluster.contracts.storage;

import dev.musicluster.contracts.SongId;

/**
 * The one object-key scheme of the store. Every key starts with the kind of object, then the id that owns it,
 * so a prefix lists everything of one song or one run.
 */
public final class ObjectKeys {

    /** The bucket every service uses unless configured otherwise. */
    public static final String DEFAULT_BUCKET = "musicluster";

    private ObjectKeys() {
    }

    public static String rawAudio(String songId, String extension) {
        return "raw/" + SongId.require(songId) + "/audio." + extension;
    }

    public static String rawLyrics(String songId) {
        return "raw/" + SongId.require(songId) + "/lyrics.txt";
    }

    /** Everything the gateway stored of a song: its audio and long lyrics. */
    public static String rawPrefix(String songId) {
        return "raw/" + SongId.require(songId) + "/";
    }

    /** Everything the feature service stored of a song: its tensors. */
    public static String featuresPrefix(String songId) {
        return "features/" + SongId.require(songId) + "/";
    }

    public static String logMel(String songId) {
        return "features/" + SongId.require(songId) + "/logmel.npy";
    }

    public static String mfcc(String songId) {
        return "features/" + SongId.require(songId) + "/mfcc.npy";
    }

    /** Every 3-s patch's musicnn outputs (patches × 500). */
    public static String musicnn(String songId) {
        return "features/" + SongId.require(songId) + "/musicnn.npy";
    }

    /** A tensor the scale harness's simulated analysis shares between songs (docs/scale.md), such as {@code c3-v1/logmel.npy}. */
    public static String simulated(String variant, String fileName) {
        return "simulated/" + SongId.require(variant) + "/" + SongId.require(fileName);
    }

    /** A file of a run's models as a whole. */
    public static String model(String runId, String fileName) {
        return "models/" + SongId.require(runId) + "/" + SongId.require(fileName);
    }

    /** A file of one trained model of a run: checkpoint, normalisation, config, reconstructions. */
    public static String model(String runId, String model, String fileName) {
        return "models/" + SongId.require(runId) + "/" + SongId.require(model) + "/" + SongId.require(fileName);
    }

    /** A file of a run's latents, such as {@code vae.npy} and {@code vae.ids.txt}. */
    public static String latents(String runId, String fileName) {
        return "latents/" + SongId.require(runId) + "/" + SongId.require(fileName);
    }

    public static String results(String runId, String fileName) {
        return "results/" + SongId.require(runId) + "/" + SongId.require(fileName);
    }
}
