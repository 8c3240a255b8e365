package dev.musicluster.gateway.library;

/** Playlists, radios and paths live in the active clustering's space; before the first clustering there is none. */
public class NoClusteringYet extends RuntimeException {

    public NoClusteringYet() {
        super("no clustering yet: playlists, radios and paths need a clustered run (POST /api/runs)");
    }
}
