package io.mooring.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** While a deployment rolls a service over, its containers say which are old and which are new. */
class ServiceBoardTest {

  @Test
  void namesOldAndNewContainersWhileTwoVersionsRun() {
    assertThat(ServiceBoard.versionMix("1.0.0", new TreeMap<>(Map.of("1.0.0", 3L, "1.1.0", 1L))))
        .isEqualTo("3 old (1.0.0), 1 new (1.1.0)");
  }

  @Test
  void saysNothingMoreWhenEveryContainerRunsTheRecordedVersion() {
    assertThat(ServiceBoard.versionMix("1.0.0", Map.of("1.0.0", 3L))).isNull();
    assertThat(ServiceBoard.versionMix("1.0.0", Map.of())).isNull();
  }

  @Test
  void callsEveryContainerNewOnceTheOldOnesHaveStopped() {
    assertThat(ServiceBoard.versionMix("1.0.0", Map.of("1.1.0", 3L))).isEqualTo("3 new (1.1.0)");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "wants {0} while {1} runs: candidate {2}")
  @org.junit.jupiter.params.provider.CsvSource(nullValues = "none", value = {
      "1.2.0, 1.1.0, 1.2.0",
      "1.1.0, 1.2.0, none",
      "1.2.0, 1.2.0, none",
      "none, 1.2.0, none",
      "stable, 1.2.0, stable",
      "2.0.0, latest, 2.0.0"})
  void neverOffersAnOlderVersionThanRunsAsTheCandidate(String wanted, String running, String candidate) {
    assertThat(ServiceBoard.candidate(wanted, running)).isEqualTo(candidate);
  }
}
