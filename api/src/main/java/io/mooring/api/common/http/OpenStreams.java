package io.mooring.api.common.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Every server-sent event stream Mooring has open (deployment logs, container output). They end
 * when Mooring stops: a graceful shutdown waits for open requests, and a followed log would
 * otherwise hold the stop for as long as the shutdown's timeout. Clients reconnect by themselves.
 */
@Component
public class OpenStreams implements ApplicationListener<ContextClosedEvent> {

  private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closing;

  /**
   * A new stream that ends after {@code longest} at the latest, or when Mooring stops.
   *
   * @param ended what to let go of once the stream ends, however it ends
   */
  public SseEmitter open(Duration longest, Runnable ended) {
    SseEmitter emitter = new SseEmitter(longest.toMillis());
    Runnable end = () -> {
      open.remove(emitter);
      ended.run();
    };
    emitter.onCompletion(end);
    emitter.onTimeout(end);
    emitter.onError(failure -> end.run());
    open.add(emitter);
    if (closing) {
      endAll();
    }
    return emitter;
  }

  /** How many streams are open now. */
  public int count() {
    return open.size();
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    closing = true;
    endAll();
  }

  private void endAll() {
    for (SseEmitter emitter : Set.copyOf(open)) {
      open.remove(emitter);
      emitter.complete();
    }
  }
}
