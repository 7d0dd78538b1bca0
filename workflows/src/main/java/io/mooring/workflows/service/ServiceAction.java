package io.mooring.workflows.service;

import io.mooring.activities.services.ServiceState;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What can be done to a service, with the state it passes through and the states that allow it:
 * seed 002's table of service states.
 */
public enum ServiceAction {
  START("Service Start", "start", ServiceState.STARTING),
  STOP("Service Stop", "stop", ServiceState.STOPPING),
  SCALE("Service Scale", "scale", ServiceState.SCALING),
  REDEPLOY("Service Redeploy", "redeploy", ServiceState.REDEPLOYING),
  TERMINATE("Service Terminate", "terminate", ServiceState.TERMINATING),
  /**
   * A Harmony deployment in the service's turn: its own workflow rolls the containers over and
   * records its action; the service's waits for its end.
   */
  DEPLOY("Service Deploy", "deploy", ServiceState.REDEPLOYING),
  /** A container's own actions leave the service's state to what its containers are. */
  CONTAINER_START("Container Start", "start", null),
  CONTAINER_STOP("Container Stop", "stop", null),
  CONTAINER_TERMINATE("Container Terminate", "terminate", null),
  /** Mooring's own: a container that stopped is removed and a new one takes its place (autoreplace). */
  CONTAINER_REPLACE("Container Replace", "replace", null);

  private final String title;
  private final String verb;
  private final ServiceState during;

  ServiceAction(String title, String verb, ServiceState during) {
    this.title = title;
    this.verb = verb;
    this.during = during;
  }

  /** Tutum's name for the action, e.g. {@code Service Start}. */
  public String title() {
    return title;
  }

  /** The word Tutum's state table uses, e.g. {@code start}. */
  public String verb() {
    return verb;
  }

  /** The state the service is in while the action runs; null for a container's action, which leaves it. */
  public ServiceState during() {
    return during;
  }

  public boolean allowedIn(ServiceState state) {
    return allowedIn(state, this);
  }

  /** Acts on one container of the service rather than on the service. */
  public boolean onContainer() {
    return during == null;
  }

  /** The service actions of Tutum's table a service in {@code state} allows, in the table's order. */
  public static List<ServiceAction> allowedBy(ServiceState state) {
    return EnumSet.allOf(ServiceAction.class).stream()
        .filter(a -> !a.onContainer() && a != DEPLOY && a.allowedIn(state))
        .toList();
  }

  /** The container actions people may ask of the containers of a service in {@code state}. */
  public static List<ServiceAction> containerActionsAllowedBy(ServiceState state) {
    return EnumSet.allOf(ServiceAction.class).stream()
        .filter(a -> a.onContainer() && a != CONTAINER_REPLACE && a.allowedIn(state))
        .toList();
  }

  private static boolean allowedIn(ServiceState state, ServiceAction action) {
    Set<ServiceAction> allowed = switch (state) {
      case INIT -> EnumSet.of(START, TERMINATE, DEPLOY);
      case RUNNING, PARTLY_RUNNING -> EnumSet.of(STOP, SCALE, REDEPLOY, TERMINATE, DEPLOY);
      case STOPPED -> EnumSet.of(START, REDEPLOY, TERMINATE);
      case NOT_RUNNING -> EnumSet.of(SCALE, TERMINATE);
      case STARTING, SCALING, REDEPLOYING, STOPPING, TERMINATING, TERMINATED -> EnumSet.noneOf(ServiceAction.class);
    };
    // A container is started, stopped or terminated on its own only while nothing else changes the
    // service's containers: in the states that allow a service action, never in a transition.
    Set<ServiceAction> containers = switch (state) {
      case RUNNING, PARTLY_RUNNING -> EnumSet.of(CONTAINER_START, CONTAINER_STOP, CONTAINER_TERMINATE, CONTAINER_REPLACE);
      case STOPPED, NOT_RUNNING -> EnumSet.of(CONTAINER_START, CONTAINER_TERMINATE);
      case INIT, STARTING, SCALING, REDEPLOYING, STOPPING, TERMINATING, TERMINATED -> EnumSet.noneOf(ServiceAction.class);
    };
    return allowed.contains(action) || containers.contains(action);
  }
}
