package io.mooring.workflows.deployment;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What deployments can be found by in the Temporal UI ({@code MooringService = 'web' AND
 * MooringStatus = 'failed'}). Mooring registers the attributes itself when it starts; where the
 * server does not let it (a namespace without the rights), deployments run without them.
 */
@Component
public class DeploymentSearchAttributes {

  public static final SearchAttributeKey<String> SERVICE = SearchAttributeKey.forKeyword("MooringService");
  public static final SearchAttributeKey<String> TAG = SearchAttributeKey.forKeyword("MooringTag");
  public static final SearchAttributeKey<String> STATUS = SearchAttributeKey.forKeyword("MooringStatus");
  public static final SearchAttributeKey<String> KIND = SearchAttributeKey.forKeyword("MooringKind");

  private static final Logger log = LoggerFactory.getLogger(DeploymentSearchAttributes.class);
  private static final List<SearchAttributeKey<String>> ALL = List.of(SERVICE, TAG, STATUS, KIND);

  private final WorkflowClient client;
  private volatile boolean registered;

  public DeploymentSearchAttributes(WorkflowClient client) {
    this.client = client;
  }

  /** Registers the attributes that are missing; true when all of them can be used. */
  public boolean register() {
    var channel = client.getWorkflowServiceStubs().getRawChannel();
    OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder().setChannel(channel).validateAndBuildWithDefaults());
    try {
      for (SearchAttributeKey<String> key : ALL) {
        try {
          operator.blockingStub().addSearchAttributes(AddSearchAttributesRequest.newBuilder()
              .setNamespace(client.getOptions().getNamespace())
              .putSearchAttributes(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
              .build());
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
            throw e;
          }
        }
      }
      registered = true;
    } catch (StatusRuntimeException e) {
      log.warn("Deployments will not be searchable in the Temporal UI: could not register search attributes {}: {}",
          ALL.stream().map(SearchAttributeKey::getName).toList(), e.getStatus());
    } finally {
      // The channel is the client's: only the stubs' own resources go.
      operator.shutdown();
    }
    return registered;
  }

  /** The attributes a new deployment starts with, or none when they are not registered. */
  SearchAttributes forNewDeployment(DeploymentRequest request) {
    if (!registered) {
      return SearchAttributes.EMPTY;
    }
    return SearchAttributes.newBuilder()
        .set(KIND, "deployment")
        .set(SERVICE, request.service().name())
        .set(TAG, request.tag())
        .set(STATUS, "running")
        .build();
  }
}
