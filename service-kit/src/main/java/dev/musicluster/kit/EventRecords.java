package dev.musicluster.kit;

import dev.musicluster.contracts.events.Event;
import dev.musicluster.contracts.events.EventCodec;
import io.smallrye.reactive.messaging.kafka.Record;

/** Events as Kafka records: the event's key, its JSON as the value. */
public final class EventRecords {

    private EventRecords() {
    }

    public static Record<String, String> of(Event event) {
        return Record.of(event.key(), EventCodec.toJson(event));
    }
}
