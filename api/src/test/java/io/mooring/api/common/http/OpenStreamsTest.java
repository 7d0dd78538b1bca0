package io.mooring.api.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A followed log never holds Mooring's stop: every open stream ends when Mooring stops. */
class OpenStreamsTest {

  private final OpenStreams streams = new OpenStreams();

  @Test
  void everyOpenStreamEndsWhenMooringStops() {
    SseEmitter first = streams.open(Duration.ofHours(2), () -> {});
    SseEmitter second = streams.open(Duration.ofHours(2), () -> {});
    assertThat(streams.count()).isEqualTo(2);

    streams.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));

    assertThat(streams.count()).isZero();
    assertThatThrownBy(() -> first.send("late")).as("the stream has ended").isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> second.send("late")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aStreamOpenedWhileMooringStopsEndsAtOnce() {
    streams.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));

    SseEmitter late = streams.open(Duration.ofHours(2), () -> {});

    assertThat(streams.count()).isZero();
    assertThatThrownBy(() -> late.send("late")).isInstanceOf(IllegalStateException.class);
  }
}
