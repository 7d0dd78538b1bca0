package io.mooring.api.endtoend;

import static org.awaitility.Awaitility.await;

import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;

/**
 * Temporal namespaces for one Mooring alone: in the shared one, the suite's other Mooring (running
 * in the test JVM, on another database) would take its workflow and activity tasks too.
 */
final class TemporalNamespaces {
  private TemporalNamespaces() {}

  static String ofItsOwn(RealComponents real, String prefix) {
    String namespace = prefix + "-" + ProcessHandle.current().pid();
    WorkflowServiceStubs temporal = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(real.temporal()).build());
    try {
      temporal.blockingStub().registerNamespace(RegisterNamespaceRequest.newBuilder()
          .setNamespace(namespace)
          .setWorkflowExecutionRetentionPeriod(com.google.protobuf.Duration.newBuilder().setSeconds(86_400))
          .build());
      // A new namespace takes a few seconds to reach the frontend's cache.
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
        temporal.blockingStub().listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder()
            .setNamespace(namespace).setMaximumPageSize(1).build());
        return true;
      });
      return namespace;
    } finally {
      temporal.shutdown();
    }
  }
}
