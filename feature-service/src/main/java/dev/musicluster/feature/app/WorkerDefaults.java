package dev.musicluster.feature.app;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Defaults that depend on the machine: as many feature workers as cores. The low ordinal lets
 * {@code musicluster.features.workers} from any other source (application.properties, environment) win.
 */
public class WorkerDefaults implements ConfigSource {

    private static final String WORKERS = "musicluster.features.workers";

    @Override
    public Map<String, String> getProperties() {
        return Map.of(WORKERS, Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(WORKERS);
    }

    @Override
    public String getValue(String propertyName) {
        return WORKERS.equals(propertyName) ? Integer.toString(Runtime.getRuntime().availableProcessors()) : null;
    }

    @Override
    public String getName() {
        return "feature-service machine defaults";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
