package dev.musicluster.kit;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * When a service runs as a child of the local launcher ({@code musicluster run}), it stops when the launcher dies,
 * even by SIGKILL: the launcher holds our standard input open, and its end means the launcher is gone. The graceful
 * stop gets {@link #GRACE_MILLIS}; a song or a model still in work then (its broker gone with the launcher, a send
 * would wait a minute for it) must not keep the process alive, so it is halted.
 */
@Singleton
public class ParentWatch {

    private static final Logger LOG = Logger.getLogger(ParentWatch.class);
    private static final long GRACE_MILLIS = 15_000;

    void onStart(@Observes StartupEvent event,
                 @ConfigProperty(name = "musicluster.exit-with-parent", defaultValue = "false") boolean enabled) {
        if (!enabled) {
            return;
        }
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // The launcher never writes.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same.
            }
            LOG.warn("launcher process is gone, shutting down");
            Thread halter = new Thread(() -> {
                try {
                    Thread.sleep(GRACE_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                LOG.warnf("still running %d ms after the launcher went: halting", GRACE_MILLIS);
                Runtime.getRuntime().halt(1);
            }, "parent-watch-halt");
            halter.setDaemon(true);
            halter.start();
            Quarkus.asyncExit(0);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
