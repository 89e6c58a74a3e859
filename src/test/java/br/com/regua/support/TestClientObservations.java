package br.com.regua.support;

import io.micrometer.common.KeyValue;
import org.springframework.http.client.observation.ClientHttpObservationDocumentation;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * How the test suite's own HTTP client is measured: every call under the uri tag {@code
 * test-client}. Its paths are concrete (a debt's id in each), not templates, so each was a tag of
 * its own until http.client.requests reached its limit and warned; the service's clients call by
 * template (e.g. payment/pix/psp/PspClient).
 */
final class TestClientObservations {

  static final DefaultClientRequestObservationConvention ONE_URI_TAG =
      new DefaultClientRequestObservationConvention() {
        @Override
        protected KeyValue uri(ClientRequestObservationContext context) {
          return KeyValue.of(
              ClientHttpObservationDocumentation.LowCardinalityKeyNames.URI, "test-client");
        }
      };

  private TestClientObservations() {}
}
