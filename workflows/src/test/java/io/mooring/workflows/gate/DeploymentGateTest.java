package io.mooring.workflows.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.activities.TaskQueues;
import io.mooring.workflows.gate.GateMessages.Acquire;
import io.mooring.workflows.gate.GateMessages.Decision;
import io.mooring.workflows.gate.GateMessages.Grant;
import io.mooring.workflows.gate.GateMessages.Hold;
import io.mooring.workflows.gate.GateMessages.Leave;
import io.mooring.workflows.gate.GateMessages.Outcome;
import io.mooring.workflows.gate.GateMessages.Release;
import io.mooring.workflows.gate.GateMessages.Switch;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentGateTest {

  private TestWorkflowEnvironment env;
  private GateClient gate;

  @BeforeEach
  void start() {
    // The real clock: skipped time would let the server race ahead of signals in flight.
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    Worker worker = env.newWorker(TaskQueues.MOORING);
    worker.registerWorkflowImplementationTypes(DeploymentGateImpl.class, WaitingDeployment.class);
    env.start();
    gate = new GateClient(env.getWorkflowClient());
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void startsEnabledAndLetsTheFirstDeploymentTakeTheLock() {
    Decision decision = gate.acquire(new Acquire("a", "deployment-a", "Locked for service deployment: link-a", false));

    assertThat(decision.outcome()).isEqualTo(Outcome.GRANTED);
    assertThat(gate.state()).isEqualTo(new GateState(false, "Locked for service deployment: link-a", "a", List.of()));
  }

  @Test
  void refusesASecondDeploymentAndSaysWhoHoldsTheLock() {
    gate.acquire(new Acquire("a", "deployment-a", "Locked for service deployment: link-a", false));

    Decision decision = gate.acquire(new Acquire("b", "deployment-b", "Locked for service deployment: link-b", false));

    assertThat(decision).isEqualTo(new Decision(Outcome.REFUSED, 0, "Locked for service deployment: link-a"));
  }

  @Test
  void grantsAgainToTheHolderSoARetriedAcquireIsHarmless() {
    gate.acquire(new Acquire("a", "deployment-a", "lock a", false));
    assertThat(gate.acquire(new Acquire("a", "deployment-a", "lock a", false)).outcome()).isEqualTo(Outcome.GRANTED);
  }

  @Test
  void ignoresAReleaseFromADeploymentThatDoesNotHoldTheLock() {
    gate.acquire(new Acquire("a", "deployment-a", "lock a", false));

    gate.release(new Release("b", "not mine"));

    assertThat(gate.state().holder()).isEqualTo("a");
  }

  @Test
  void opensWhenTheHolderReleases() {
    gate.acquire(new Acquire("a", "deployment-a", "lock a", false));

    GateState state = gate.release(new Release("a", "Re-enable service deployment after successful deployment: a"));

    assertThat(state).isEqualTo(new GateState(true, "Re-enable service deployment after successful deployment: a", null, List.of()));
  }

  @Test
  void refusesToDisableWhatIsAlreadyDisabled() {
    gate.turn(new Switch(false, "Manually disabled by coraline"));

    Decision again = gate.turn(new Switch(false, "Manually disabled by david"));

    assertThat(again).isEqualTo(new Decision(Outcome.REFUSED, 0, "Manually disabled by coraline"));
  }

  @Test
  void enablingAlwaysWorksEvenOverAHeldLock() {
    gate.acquire(new Acquire("a", "deployment-a", "lock a", false));

    gate.turn(new Switch(true, "Manually enabled by david"));

    assertThat(gate.state()).isEqualTo(new GateState(true, "Manually enabled by david", null, List.of()));
  }

  @Test
  void holdingKeepsTheGateClosedWithTheReasonUntilAnOperatorEnablesIt() {
    gate.acquire(new Acquire("a", "deployment-a", "lock a", false));

    gate.hold(new Hold("a", "Rollback of service deployment a failed"));

    assertThat(gate.state().enabled()).isFalse();
    assertThat(gate.state().message()).isEqualTo("Rollback of service deployment a failed");
    assertThat(gate.acquire(new Acquire("b", "deployment-b", "lock b", false)).outcome()).isEqualTo(Outcome.REFUSED);
  }

  @Test
  void queuesWaitersInArrivalOrderAndHandsTheLockToTheFirst() {
    gate.acquire(new Acquire("a", "deployment-a", "lock a", true));
    Waiting b = startWaiter("b");
    Waiting c = startWaiter("c");

    assertThat(gate.acquire(new Acquire("b", "waiter-b", "lock b", true))).isEqualTo(new Decision(Outcome.QUEUED, 1, "lock a"));
    assertThat(gate.acquire(new Acquire("c", "waiter-c", "lock c", true)).place()).isEqualTo(2);

    gate.release(new Release("a", "done a"));

    assertThat(b.granted()).isEqualTo("b");
    assertThat(gate.state()).isEqualTo(new GateState(false, "lock b", "b",
        List.of(new GateState.Waiter("c", "waiter-c", "lock c"))));
    gate.release(new Release("b", "done b"));
    assertThat(c.granted()).isEqualTo("c");
  }

  @Test
  void aWaiterThatLeavesTheLineIsSkipped() {
    gate.acquire(new Acquire("a", "deployment-a", "lock a", true));
    startWaiter("b");
    Waiting c = startWaiter("c");
    gate.acquire(new Acquire("b", "waiter-b", "lock b", true));
    gate.acquire(new Acquire("c", "waiter-c", "lock c", true));

    gate.leave(new Leave("b"));
    gate.release(new Release("a", "done a"));

    assertThat(c.granted()).isEqualTo("c");
  }

  @Test
  void passesTheLockOnWhenTheFirstInLineIsGone() {
    gate.acquire(new Acquire("a", "deployment-a", "lock a", true));
    Waiting c = startWaiter("c");
    gate.acquire(new Acquire("ghost", "waiter-ghost", "lock ghost", true));
    gate.acquire(new Acquire("c", "waiter-c", "lock c", true));

    gate.release(new Release("a", "done a"));

    assertThat(c.granted()).isEqualTo("c");
  }

  private Waiting startWaiter(String id) {
    Waiting waiter = env.getWorkflowClient().newWorkflowStub(Waiting.class,
        WorkflowOptions.newBuilder().setWorkflowId("waiter-" + id).setTaskQueue(TaskQueues.MOORING).build());
    WorkflowClient.start(waiter::granted);
    return env.getWorkflowClient().newWorkflowStub(Waiting.class, "waiter-" + id);
  }

  /** Stands in for a queued deployment: waits for the gate's grant and returns whose it was. */
  @WorkflowInterface
  public interface Waiting extends GateWaiter {
    @WorkflowMethod
    String granted();
  }

  public static class WaitingDeployment implements Waiting {

    private String grantedTo;

    @Override
    public String granted() {
      Workflow.await(() -> grantedTo != null);
      return grantedTo;
    }

    @Override
    public void gateGranted(Grant grant) {
      grantedTo = grant.deploymentId();
    }
  }
}
