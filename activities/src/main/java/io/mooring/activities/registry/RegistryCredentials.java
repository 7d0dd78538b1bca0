package io.mooring.activities.registry;

/** A user name and password for one registry. Never printed: see {@link #toString()}. */
public record RegistryCredentials(String username, String password) {

  @Override
  public String toString() {
    return "RegistryCredentials[username=" + username + ", password=***]";
  }
}
