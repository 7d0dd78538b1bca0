package io.mooring.activities.actions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Lifecycle actions as metrics, by kind ({@code Service Stop}, {@code Container Start}, …) and
 * outcome. Recorded when an action's one terminal state is written, so a retried step never
 * counts twice.
 */
@Component
public class ActionMetrics {

  private final MeterRegistry registry;

  public ActionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void finished(ActionRecord action, Instant at) {
    String outcome = action.state().label().toLowerCase(Locale.ROOT);
    Counter.builder("mooring.actions.finished")
        .description("Lifecycle actions that ended, by kind and outcome")
        .tag("kind", action.action())
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    Instant from = action.startedAt() != null ? action.startedAt() : action.createdAt();
    Duration took = from == null ? Duration.ZERO : Duration.between(from, at);
    Timer.builder("mooring.action.duration")
        .description("From an action's start to its terminal state")
        .tag("kind", action.action())
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(registry)
        .record(took.isNegative() ? Duration.ZERO : took);
  }
}
