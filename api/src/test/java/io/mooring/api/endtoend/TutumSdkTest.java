package io.mooring.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Tutum's own Python SDK (python-tutum from PyPI, installed by {@code .ci/tutum/install.sh}) drives
 * the whole lifecycle against this Mooring, unchanged but for the one Python 3 shim it needs.
 */
class TutumSdkTest extends RealMooringTest {

  private static final Path SCRIPT = Path.of("..", ".ci", "tutum", "drive-lifecycle.py").toAbsolutePath().normalize();

  @Test
  void tutumsOwnSdkDrivesTheWholeLifecycle() throws Exception {
    String python = System.getenv("MOORING_E2E_TUTUM_PYTHON");
    assertThat(python).as("MOORING_E2E_TUTUM_PYTHON: the python of .ci/tutum/install.sh's virtualenv").isNotBlank();
    Path output = Files.createTempFile("tutum-sdk", ".log");
    ProcessBuilder sdk = new ProcessBuilder(python, SCRIPT.toString())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    sdk.environment().put("TUTUM_BASE_URL", "http://127.0.0.1:" + port + "/api/v1/");
    sdk.environment().put("TUTUM_AUTH", "Bearer " + pipelineToken);
    // Only this Mooring on loopback: no proxy from the machine's environment in between.
    sdk.environment().put("NO_PROXY", "127.0.0.1");
    sdk.environment().put("no_proxy", "127.0.0.1");
    Process run = sdk.start();
    boolean ended = run.waitFor(6, TimeUnit.MINUTES);
    if (!ended) {
      run.destroyForcibly();
    }
    String log = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(ended).as("the SDK's run ended in time:%n%s", log).isTrue();
    assertThat(run.exitValue()).as("the SDK's run:%n%s", log).isZero();
    assertThat(log).contains("[tutum-sdk] all as a Tutum user expects");
  }
}
