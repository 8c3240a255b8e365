package dev.musicluster.clustering.domain.projection;

import dev.musicluster.clustering.domain.Euclidean;
import dev.musicluster.clustering.domain.SeededSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import smile.manifold.TSNE;
import smile.manifold.UMAP;
import smile.math.MathEx;

/**
 * A representation drawn in two dimensions for people to look at: t-SNE (keeps neighbourhoods) and UMAP (keeps more
 * of the global shape), both from Smile. Only for plots: clustering and metrics always use the full space.
 *
 * <p>Exact t-SNE costs O(n²) time and memory (2,000 songs take about 15 s), so above {@code maxSongs} both maps are
 * fitted on a seeded random sample of that many and every other song is placed where its {@value #PLACEMENT_NEIGHBOURS}
 * nearest fitted songs (in the full space) lie, weighted by inverse distance: the k-nearest-neighbour interpolation
 * openTSNE starts its out-of-sample optimisation from. It costs n × maxSongs distances, linear in the library, and
 * leaves the map's layout what the sample made it; a placed song sits inside its neighbours' hull, never apart. Smile's UMAP lays out only the largest connected component of its neighbour graph, so well
 * separated groups (songs in different languages under a lyrics-aware model) are laid out one component at a time
 * and placed side by side, as umap-learn does; a component of fewer than four songs has no UMAP position. t-SNE
 * maps are bit-reproducible from the seed; UMAP maps are not quite, since ARPACK's starting vector (its spectral
 * initialisation) advances with every call in a process.
 *
 * @param ids    every song, in input order
 * @param tsne   one (x, y) per song
 * @param umap   one (x, y) per song, or null for a song in a component too small to lay out (or placed among such)
 * @param placed per song: false where the maps were fitted on it, true where it was placed by its neighbours
 */
public record LatentMap(List<String> ids, double[][] tsne, double[][] umap, boolean[] placed) {

    private static final int UMAP_NEIGHBOURS = 15;
    private static final double COMPONENT_GAP = 2;
    private static final double TSNE_PERPLEXITY = 30;
    private static final int TSNE_ITERATIONS = 1000;
    private static final double TSNE_LEARNING_RATE = 200;
    static final int PLACEMENT_NEIGHBOURS = 10;

    /** Both maps of these points; the same points, cap and seed give the same maps. */
    public static LatentMap of(List<String> ids, double[][] points, int maxSongs, long seed) {
        if (ids.size() != points.length) {
            throw new IllegalArgumentException(ids.size() + " ids for " + points.length + " points");
        }
        int[] chosen = SeededSample.draw(points.length, maxSongs, seed);
        Arrays.sort(chosen);
        double[][] x = new double[chosen.length][];
        for (int i = 0; i < chosen.length; i++) {
            x[i] = points[chosen[i]];
        }
        double[][] tsne = new double[x.length][2];
        double[][] umap = new double[x.length][];
        if (x.length >= 4) {
            // Smile draws its initial layouts from the thread's generator.
            MathEx.setSeed(seed);
            tsne = new TSNE(x, 2, Math.min(TSNE_PERPLEXITY, (x.length - 1) / 3.0), TSNE_LEARNING_RATE, TSNE_ITERATIONS).coordinates;
            MathEx.setSeed(seed);
            umap = umap(x);
        }
        double[][] allTsne = new double[points.length][];
        double[][] allUmap = new double[points.length][];
        boolean[] placed = new boolean[points.length];
        Arrays.fill(placed, true);
        for (int i = 0; i < chosen.length; i++) {
            allTsne[chosen[i]] = tsne[i];
            allUmap[chosen[i]] = umap[i];
            placed[chosen[i]] = false;
        }
        double[][] fittedTsne = tsne;
        double[][] fittedUmap = umap;
        // Each song's place depends on the fitted songs only, so the order of the parallel work cannot change a map.
        IntStream.range(0, points.length).parallel().filter(i -> placed[i]).forEach(i -> {
            int[] nearest = nearest(points[i], x);
            allTsne[i] = interpolate(points[i], x, nearest, fittedTsne);
            allUmap[i] = interpolate(points[i], x, nearest, fittedUmap);
        });
        return new LatentMap(List.copyOf(ids), allTsne, allUmap, placed);
    }

    /** The indices of the {@value #PLACEMENT_NEIGHBOURS} fitted points nearest {@code point}, nearest first. */
    static int[] nearest(double[] point, double[][] fitted) {
        int k = Math.min(PLACEMENT_NEIGHBOURS, fitted.length);
        int[] best = new int[k];
        double[] bestDistance = new double[k];
        Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
        for (int j = 0; j < fitted.length; j++) {
            double distance = Euclidean.squared(point, fitted[j]);
            if (distance < bestDistance[k - 1]) {
                int at = k - 1;
                while (at > 0 && bestDistance[at - 1] > distance) {
                    bestDistance[at] = bestDistance[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                bestDistance[at] = distance;
                best[at] = j;
            }
        }
        return best;
    }

    /**
     * The inverse-distance-weighted mean of the neighbours' positions, over those that have one; a neighbour at
     * distance zero (the same recording again) gives its own position.
     */
    private static double[] interpolate(double[] point, double[][] fitted, int[] nearest, double[][] layout) {
        double x = 0;
        double y = 0;
        double total = 0;
        for (int j : nearest) {
            if (layout[j] == null) {
                continue;
            }
            double distance = Euclidean.distance(point, fitted[j]);
            if (distance == 0) {
                return layout[j].clone();
            }
            double weight = 1 / distance;
            x += weight * layout[j][0];
            y += weight * layout[j][1];
            total += weight;
        }
        return total == 0 ? null : new double[] {x / total, y / total};
    }

    /** UMAP per connected component, largest first, each shifted to the right of the ones before. */
    private static double[][] umap(double[][] x) {
        double[][] placed = new double[x.length][];
        List<Integer> remaining = new ArrayList<>(java.util.stream.IntStream.range(0, x.length).boxed().toList());
        double right = Double.NaN;
        while (remaining.size() >= 4) {
            double[][] part = remaining.stream().map(i -> x[i]).toArray(double[][]::new);
            UMAP layout = UMAP.of(part, Math.min(UMAP_NEIGHBOURS, part.length - 1));
            double[] box = bounds(layout.coordinates);
            double shift = Double.isNaN(right) ? 0 : right + COMPONENT_GAP - box[0];
            java.util.Set<Integer> done = new java.util.HashSet<>();
            for (int i = 0; i < layout.index.length; i++) {
                int song = remaining.get(layout.index[i]);
                placed[song] = new double[] {layout.coordinates[i][0] + shift, layout.coordinates[i][1]};
                done.add(song);
            }
            right = (Double.isNaN(right) ? box[1] : box[1] + shift);
            remaining.removeAll(done);
        }
        return placed;
    }

    /** min x, max x. */
    private static double[] bounds(double[][] coordinates) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] point : coordinates) {
            min = Math.min(min, point[0]);
            max = Math.max(max, point[0]);
        }
        return new double[] {min, max};
    }

    /**
     * {@code id,tsne_x,tsne_y,umap_x,umap_y,placed}, UMAP cells empty where a song has no UMAP position, {@code placed}
     * 1 for a song placed by its neighbours, 0 for one the maps were fitted on.
     */
    public String toCsv() {
        StringBuilder csv = new StringBuilder("id,tsne_x,tsne_y,umap_x,umap_y,placed\n");
        for (int i = 0; i < ids.size(); i++) {
            csv.append(ids.get(i)).append(',').append(format(tsne[i][0])).append(',').append(format(tsne[i][1])).append(',');
            csv.append(umap[i] == null ? "," : format(umap[i][0]) + "," + format(umap[i][1])).append(',');
            csv.append(placed[i] ? '1' : '0').append('\n');
        }
        return csv.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.5g", value);
    }
}
