package io.mooring.api.common.http;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies with a key given twice are refused, not read with the last one winning: a body
 * such as {@code {"role":"deployer","role":"admin"}} means something different to every reader.
 */
@Component
class StrictJson implements JsonMapperBuilderCustomizer {

  @Override
  public void customize(JsonMapper.Builder builder) {
    builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }
}
