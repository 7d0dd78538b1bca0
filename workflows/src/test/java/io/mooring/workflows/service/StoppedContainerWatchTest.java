package io.mooring.workflows.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mooring.activities.runtime.ContainerRuntime;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The watch says the engine is away when its stream breaks, and says nothing of it when Mooring stops. */
@ExtendWith(OutputCaptureExtension.class)
class StoppedContainerWatchTest {

  /** The engine's stop events: the watch's {@code lost} callback, once it watches. */
  private final AtomicReference<Consumer<Throwable>> lost = new AtomicReference<>();

  @Test
  void saysNothingOfTheEngineWhenMooringStopsAndItsStreamBreaks(CapturedOutput output) throws Exception {
    StoppedContainerWatch watch = watching();

    watch.end();

    assertThat(output).doesNotContain("unreachable");
  }

  @Test
  void saysTheEngineIsUnreachableWhenItsStreamBreaksWhileMooringRuns(CapturedOutput output) throws Exception {
    StoppedContainerWatch watch = watching();

    lost.get().accept(new IOException("Connection refused"));
    watch.end();

    assertThat(output).contains("The container engine at unix:///run/engine.sock is unreachable (Connection refused)");
  }

  private StoppedContainerWatch watching() {
    StoppedContainerWatch watch = new StoppedContainerWatch(engine(), null, null);
    watch.begin();
    await().atMost(Duration.ofSeconds(10)).until(() -> lost.get() != null);
    return watch;
  }

  /** An engine that answers pings and whose event stream breaks, as docker-java's does, when it is closed. */
  @SuppressWarnings("unchecked")
  private ContainerRuntime engine() {
    return (ContainerRuntime) Proxy.newProxyInstance(ContainerRuntime.class.getClassLoader(),
        new Class<?>[] {ContainerRuntime.class}, (proxy, method, arguments) -> switch (method.getName()) {
          case "endpoint" -> "unix:///run/engine.sock";
          case "ping" -> true;
          case "watchStops" -> {
            Consumer<Throwable> onLost = (Consumer<Throwable>) arguments[1];
            lost.set(onLost);
            yield (AutoCloseable) () -> onLost.accept(new ClosedByInterruptException());
          }
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
