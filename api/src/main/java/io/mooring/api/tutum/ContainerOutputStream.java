package io.mooring.api.tutum;

import io.mooring.activities.runtime.ContainerRuntime;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import io.mooring.api.common.http.OpenStreams;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams what containers write as server-sent events, a {@code line} event each, for as long as
 * the client listens and a container runs; once every container has stopped, one {@code end}
 * event closes the stream. The engine pushes the lines; nothing polls.
 */
@Component
class ContainerOutputStream {

  private static final Duration LONGEST = Duration.ofHours(2);

  private final ContainerRuntime engine;
  private final OpenStreams streams;

  ContainerOutputStream(ContainerRuntime engine, OpenStreams streams) {
    this.engine = engine;
    this.streams = streams;
  }

  /** Follows each container, after its last {@code tail} lines; each line names its container. */
  SseEmitter follow(List<ContainerObjects.Found> containers, int tail) {
    List<AutoCloseable> following = new ArrayList<>();
    Runnable stop = () -> {
      synchronized (following) {
        following.forEach(ContainerOutputStream::closeQuietly);
        following.clear();
      }
    };
    SseEmitter emitter = streams.open(LONGEST, stop);
    AtomicInteger open = new AtomicInteger(containers.size());
    Runnable oneEnded = () -> {
      if (open.decrementAndGet() == 0) {
        try {
          emitter.send(SseEmitter.event().name("end").data(Map.of("containers", containers.size())));
          emitter.complete();
        } catch (IOException | IllegalStateException clientGone) {
          stop.run();
        }
      }
    };
    if (containers.isEmpty()) {
      open.incrementAndGet();
      oneEnded.run();
    }
    for (ContainerObjects.Found found : containers) {
      String name = found.name();
      AutoCloseable stream = engine.follow(found.container().name(), tail, output -> {
        try {
          emitter.send(SseEmitter.event().name("line").data(OutputLine.of(name, output)));
        } catch (IOException | IllegalStateException clientGone) {
          stop.run();
        }
      }, oneEnded);
      synchronized (following) {
        following.add(stream);
      }
    }
    return emitter;
  }

  private static void closeQuietly(AutoCloseable stream) {
    try {
      stream.close();
    } catch (Exception alreadyClosed) {
      // The engine ended it first.
    }
  }
}
