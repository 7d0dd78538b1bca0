package io.mooring.activities.actions;

import java.util.Arrays;
import java.util.Optional;

/** Tutum's action states, spelled as its API spells them. */
public enum ActionState {
  PENDING("Pending"),
  IN_PROGRESS("In progress"),
  CANCELING("Canceling"),
  CANCELED("Canceled"),
  SUCCESS("Success"),
  FAILED("Failed");

  private final String label;

  ActionState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean finished() {
    return this == CANCELED || this == SUCCESS || this == FAILED;
  }

  public static Optional<ActionState> parse(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
  }
}
