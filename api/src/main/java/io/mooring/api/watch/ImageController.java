package io.mooring.api.watch;

import io.mooring.activities.versions.TagVersion;
import io.mooring.activities.versions.UpgradePolicy;
import io.mooring.activities.versions.UpgradeStrategy;
import io.mooring.api.common.openapi.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Image-Watcher's question: is there a newer version of this image, by this strategy. */
@RestController
@Tag(name = "Image-Watcher: newer versions")
class ImageController {

  /** One component of a repository name, as the distribution spec allows it. */
  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  /**
   * An organisation as registries name them, without periods: {@code org} must never be read as a
   * registry host, or any caller could make Mooring fetch from an address of their choosing.
   */
  private static final Pattern ORGANISATION = Pattern.compile("[a-z0-9]+(?:(?:_|__|-+)[a-z0-9]+)*");
  private static final int LONGEST_NAME = 255;
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  private final ImageTags images;

  ImageController(ImageTags images) {
    this.images = images;
  }

  @Operation(summary = "The newest version of an image by a strategy",
      description = "major: the highest release at or above the tag; minor: the same major; bugfix: the same"
          + " major.minor; patch: the highest -patch.N of the same version. Pre-releases only with pre_releases=true;"
          + " never a downgrade, even when the tag itself is no longer listed. The image's tags are read from the"
          + " default registry once, then kept in the tag cache.")
  @ProblemResponses(value = {404}, forbidden = false)
  @GetMapping(path = {"/images/{org}/{image}/{tag}", "/image/{org}/{image}/{tag}"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  NewerImage newest(
      @PathVariable String org,
      @PathVariable String image,
      @Parameter(schema = @Schema(pattern = "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")) @PathVariable String tag,
      @Parameter(schema = @Schema(allowableValues = {"major", "minor", "bugfix", "patch"}))
      @RequestParam(required = false) String strategy,
      @RequestParam(name = "pre_releases", defaultValue = "false") boolean preReleases) {
    if (!ORGANISATION.matcher(org).matches() || org.length() > LONGEST_NAME) {
      throw WatchProblems.invalidName("organisation", org);
    }
    if (!COMPONENT.matcher(image).matches() || image.length() > LONGEST_NAME) {
      throw WatchProblems.invalidName("image name", image);
    }
    UpgradeStrategy chosen = UpgradeStrategy.parse(strategy).orElseThrow(() -> WatchProblems.invalidStrategy(strategy));
    // Checked before the registry is read: a request that cannot be answered watches nothing.
    if (!TAG.matcher(tag).matches() || TagVersion.of(tag).isEmpty()) {
      throw WatchProblems.notAVersion(tag);
    }
    String repository = images.qualify(org + "/" + image);
    String newest = UpgradePolicy.bestOf(tag, images.versions(repository), chosen, preReleases)
        .orElseThrow(() -> WatchProblems.notAVersion(tag));
    return new NewerImage(newest, org + "/" + image + "/" + newest);
  }

  /** @param fullImage as Image-Watcher spells it: {@code org/image/tag} */
  record NewerImage(String tag, String fullImage) {}
}
