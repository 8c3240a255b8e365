package dev.musicluster.gateway.listening;

/** Songs placed by hand on a circle or in a plane, for the listening tests. */
final class ListeningFixtures {

    private ListeningFixtures() {
    }

    static SongPoint song(String id, String artist, double seconds, float... vector) {
        return SongPoint.of(id, "Title " + id, artist, seconds, "audio/" + id + ".wav", vector);
    }

    /** A song at {@code degrees} on the unit circle of the first two dimensions. */
    static SongPoint atAngle(String id, String artist, double degrees) {
        double r = Math.toRadians(degrees);
        return song(id, artist, 180, (float) Math.cos(r), (float) Math.sin(r));
    }
}
