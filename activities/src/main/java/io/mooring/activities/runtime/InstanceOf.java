package io.mooring.activities.runtime;

/**
 * What ties an instance to Mooring, as its runtime keeps it beside the instance.
 *
 * @param service the unique name of the service it belongs to; empty for an instance of no service
 * @param operation the deployment or lifecycle action that made it; empty where not known
 * @param number its number within the service (replica 1, 2, …); 0 where it has none
 * @param port the host port it was given on the host network; 0 on the bridge
 * @param tag the tag it was deployed as; empty where not known
 */
public record InstanceOf(String service, String operation, int number, int port, String tag) {

  public static final InstanceOf NONE = new InstanceOf("", "", 0, 0, "");

  public InstanceOf {
    service = service == null ? "" : service;
    operation = operation == null ? "" : operation;
    tag = tag == null ? "" : tag;
  }
}
