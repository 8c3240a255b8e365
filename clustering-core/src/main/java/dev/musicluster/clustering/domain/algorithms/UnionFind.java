package dev.musicluster.clustering.domain.algorithms;

/** Disjoint sets over 0..n-1, with path halving; labels numbered 0..k-1 in order of first point. */
final class UnionFind {

    private final int[] parent;

    UnionFind(int n) {
        parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
    }

    int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    void union(int a, int b) {
        parent[find(a)] = find(b);
    }

    int[] labels() {
        int[] labels = new int[parent.length];
        java.util.Map<Integer, Integer> ids = new java.util.HashMap<>();
        for (int i = 0; i < parent.length; i++) {
            labels[i] = ids.computeIfAbsent(find(i), root -> ids.size());
        }
        return labels;
    }
}
