package dev.musicluster.clustering.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

@ConfigMapping(prefix = "musicluster.clustering")
public interface ClusteringSettings {

    /** Algorithms run on every trained model's latents; the first is the run's primary clustering. */
    @WithDefault("kmeans,agglomerative-ward,gmm-diag,hdbscan")
    List<String> algorithms();

    /** A number of clusters, or auto (silhouette, or BIC for mixtures, over 2..12). */
    @WithDefault("auto")
    String k();

    @WithDefault("42")
    long seed();

    /**
     * Most songs a model's two-dimensional maps are fitted on (t-SNE is quadratic); above it a seeded sample, and every
     * other song placed by its nearest fitted songs.
     */
    @WithDefault("2000")
    int mapMaxSongs();

    /** Whether a run's primary model is compared with the baselines (summary, PCA, lyrics, audio + lyrics). */
    @WithDefault("true")
    boolean baselines();

    /** Most songs the baselines are built, clustered and scored on; above it a seeded sample of this many. */
    @WithDefault("10000")
    int baselinesMaxSongs();
}
