package io.mooring.activities.registry;

/** The registry answered, and the image is not there for us (unknown, or not ours to read). */
public class ImageUnreachableException extends Exception {
  public ImageUnreachableException(String message) {
    super(message);
  }
}
