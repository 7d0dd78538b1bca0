package io.mooring.activities.runtime.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.UpdateOrder;
import io.mooring.activities.runtime.ServiceToRun;
import io.mooring.activities.services.ContainerSettings;
import io.mooring.activities.services.CrashPolicy;
import io.mooring.activities.services.Networking;
import io.mooring.activities.services.PortSpec;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What Mooring states to Swarm for a service. */
class SwarmSpecTest {

  private static final String BY_DIGEST = "10.213.77.1:5002/demo/web@sha256:10";

  @Test
  void runsTheImageByDigestWithItsReplicasAndLabelsTheServiceAsMoorings() {
    ServiceSpec spec = DockerSwarm.spec(service(List.of(), CrashPolicy.OFF, null));

    assertThat(spec.getName()).isEqualTo("web");
    assertThat(spec.getTaskTemplate().getContainerSpec().getImage()).isEqualTo(BY_DIGEST);
    assertThat(spec.getTaskTemplate().getContainerSpec().getEnv()).containsExactly("A=1", "B=2");
    assertThat(spec.getMode().getReplicated().getReplicas()).isEqualTo(4);
    assertThat(spec.getLabels()).containsEntry("mooring.service", "web").containsEntry("mooring.tag", "1.0.0");
    assertThat(spec.getTaskTemplate().getRestartPolicy().getCondition()).isEqualTo(ServiceRestartCondition.NONE);
  }

  @Test
  void publishesPortsOnEachTasksNodeNotThroughTheRoutingMesh() {
    ServiceSpec spec = DockerSwarm.spec(service(List.of(new PortSpec(8080, null, "tcp", true),
        new PortSpec(9090, null, "tcp", false)), CrashPolicy.ALWAYS, null));

    assertThat(spec.getEndpointSpec().getPorts()).singleElement().satisfies(port -> {
      assertThat(port.getPublishMode()).isEqualTo(PortConfig.PublishMode.host);
      assertThat(port.getTargetPort()).isEqualTo(8080);
      assertThat(port.getPublishedPort()).isZero();
    });
    assertThat(spec.getUpdateConfig().getParallelism()).isEqualTo(1L);
    assertThat(spec.getUpdateConfig().getOrder()).isEqualTo(UpdateOrder.START_FIRST);
    assertThat(spec.getTaskTemplate().getRestartPolicy().getCondition()).isEqualTo(ServiceRestartCondition.ANY);
  }

  @Test
  void replacesTasksStopFirstWhenAFixedPortLeavesNoRoomForTwoOnANode() {
    ServiceSpec spec = DockerSwarm.spec(service(List.of(new PortSpec(8080, 28080, "tcp", true)), CrashPolicy.OFF,
        null));

    assertThat(spec.getUpdateConfig().getOrder()).isEqualTo(UpdateOrder.STOP_FIRST);
  }

  @Test
  void refusesARunCommandOfItsOwnRatherThanRunningTheImagesOwnSilently() {
    assertThatThrownBy(() -> DockerSwarm.spec(service(List.of(), CrashPolicy.OFF, "httpd -f")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run command");
  }

  private static ServiceToRun service(List<PortSpec> ports, CrashPolicy autorestart, String runCommand) {
    ContainerSettings container = new ContainerSettings(Networking.BRIDGE, ports, runCommand, null, null, null, false,
        autorestart, null, null, false, List.of(), List.of());
    return new ServiceToRun("web", UUID.randomUUID(), BY_DIGEST, "1.0.0", 4, Map.of("B", "2", "A", "1"), container);
  }
}
