package dev.musicluster.contracts.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;

/**
 * The JSON form of every event. Readers ignore fields they do not know (additive changes keep the schema version)
 * and refuse a schema version other than the one they were built for.
 */
public final class EventCodec {

    /**
     * Floats parsed by Jackson's FastDoubleParser (correctly rounded, as {@code Float.parseFloat}): a library's
     * features and latents are mostly float arrays, and every service replays them at start.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(Event event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    public static byte[] toBytes(Event event) {
        return toJson(event).getBytes(StandardCharsets.UTF_8);
    }

    public static <T extends Event> T fromJson(String json, Class<T> type) {
        T event = readDirectly(json, type);
        if (event != null) {
            return event;
        }
        if (json == null || json.isBlank()) {
            throw new PoisonEventException("empty " + type.getSimpleName() + " record");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("malformed JSON for " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new PoisonEventException(type.getSimpleName() + " must be a JSON object");
        }
        int expected = schemaVersionOf(type);
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.canConvertToInt() || version.asInt() != expected) {
            throw new PoisonEventException("unsupported schema version " + version + " for " + type.getSimpleName()
                    + " (this reader understands " + expected + ")");
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("invalid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A well-formed record of the expected version, read straight into its type; null for anything else, which
     * {@link #fromJson} reads again through a tree to say what is wrong. The tree costs half again as much (a node per
     * number of a float array) and only a poison record needs it.
     */
    private static <T extends Event> T readDirectly(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            T event = MAPPER.readValue(json, type);
            // 0 is also what a record without a version reads as: the tree tells the two apart.
            return event != null && event.schemaVersion() != 0 && event.schemaVersion() == schemaVersionOf(type) ? event : null;
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    public static <T extends Event> T fromBytes(byte[] json, Class<T> type) {
        return fromJson(json == null ? null : new String(json, StandardCharsets.UTF_8), type);
    }

    /** Each event record declares {@code public static final int SCHEMA_VERSION}; looked up once per type. */
    static int schemaVersionOf(Class<? extends Event> type) {
        return VERSIONS.get(type);
    }

    private static final ClassValue<Integer> VERSIONS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            try {
                Field field = type.getField("SCHEMA_VERSION");
                if (!Modifier.isStatic(field.getModifiers()) || field.getType() != int.class) {
                    throw new IllegalStateException(type + ".SCHEMA_VERSION must be a static int");
                }
                return field.getInt(null);
            } catch (NoSuchFieldException | IllegalAccessException e) {
                throw new IllegalStateException(type + " declares no SCHEMA_VERSION", e);
            }
        }
    };
}
