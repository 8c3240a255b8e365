package dev.musicluster.clustering.domain.algorithms;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Work over a matrix's rows in fixed ranges of {@value #ROWS_PER_TASK}, on {@code threads} workers. The results come
 * back in range order and the ranges do not depend on the number of threads, so partial sums added in that order give
 * the same value, to the bit, on any number of threads: what lets a seed give one partition everywhere.
 */
final class RowRanges implements AutoCloseable {

    static final int ROWS_PER_TASK = 1024;

    /** A task over rows {@code fromRow} (inclusive) to {@code toRow} (exclusive). */
    interface Task<T> {
        T run(int fromRow, int toRow);
    }

    private final String name;
    private final ExecutorService pool;

    RowRanges(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.name = name;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** {@code task} over rows 0..rows in ranges, on the workers when there are several; the results in range order. */
    <T> List<T> map(int rows, Task<T> task) {
        int tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        List<T> results = new ArrayList<>(tasks);
        if (pool == null || tasks == 1) {
            for (int t = 0; t < tasks; t++) {
                results.add(task.run(t * ROWS_PER_TASK, Math.min(rows, (t + 1) * ROWS_PER_TASK)));
            }
            return results;
        }
        List<Future<T>> futures = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            int from = t * ROWS_PER_TASK;
            int to = Math.min(rows, from + ROWS_PER_TASK);
            futures.add(pool.submit(() -> task.run(from, to)));
        }
        try {
            for (Future<T> future : futures) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " failed", e.getCause());
        }
        return results;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
