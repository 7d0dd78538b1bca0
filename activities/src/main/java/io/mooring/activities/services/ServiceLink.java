package io.mooring.activities.services;

/**
 * One of Tutum's links: the linking service's containers get the target's link variables, named
 * after {@code name}.
 *
 * @param toService the unique name of the service linked to
 */
public record ServiceLink(String name, String toService) {}
