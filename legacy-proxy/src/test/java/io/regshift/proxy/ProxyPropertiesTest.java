package io.regshift.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.BatchLimits;
import io.regshift.core.Envelope;
import io.regshift.core.RetryPolicy;
import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.Fault;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any list of IDs, any characters they hold, under random faults: what the proxy reports as revoked
 * is exactly what the fake revoked, and every ID arrives as the app wrote it.
 */
class ProxyPropertiesTest {
  private static FakeCloudflare cloudflare;
  private static LegacyProxy proxy;

  @BeforeContainer
  static void start() {
    cloudflare = FakeCloudflare.create().start();
    proxy = LegacyProxy.builder()
        .listen("127.0.0.1", 0)
        .upstream(cloudflare.baseUrl())
        .batchLimits(BatchLimits.of(25, 1024))
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).build())
        .accessLog(line -> { })
        .start();
  }

  @AfterContainer
  static void stop() {
    proxy.close();
    cloudflare.close();
  }

  @Property(tries = 60)
  @SuppressWarnings("unchecked")
  void reportedRevokedEqualsTheFakesState(@ForAll("idLists") List<String> ids, @ForAll("faults") List<Fault> faults) {
    cloudflare.reset();
    faults.forEach(cloudflare::inject);

    HttpResponse<byte[]> response = Http.postJson(URI.create(proxy.baseUrl() + "/accounts/acc/devices/revoke"),
        Http.jsonArray(ids), "Authorization", "Bearer test-token");

    Envelope envelope = Http.envelope(response);
    Set<String> reportedRevoked;
    if (response.statusCode() == 200) {
      assertThat(envelope.success()).isTrue();
      reportedRevoked = new HashSet<>(ids);
    } else {
      assertThat(envelope.success()).isFalse();
      Map<String, List<String>> result = (Map<String, List<String>>) envelope.result();
      reportedRevoked = new HashSet<>(result.get("succeeded_ids"));
      Set<String> all = new HashSet<>(reportedRevoked);
      all.addAll(result.get("failed_ids"));
      assertThat(all).as("no ID lost").isEqualTo(new HashSet<>(ids));
    }
    assertThat(cloudflare.revokedIds("acc")).isEqualTo(reportedRevoked);
  }

  @Provide
  Arbitrary<List<String>> idLists() {
    Arbitrary<String> id = Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars("äöüßéñ中文✓€")
        .ofMinLength(1)
        .ofMaxLength(40)
        .filter(s -> !s.isBlank() && s.indexOf('/') < 0 && s.indexOf('\\') < 0 && !s.contains("..") && !s.equals("."));
    return id.list().ofMinSize(1).ofMaxSize(120);
  }

  @Provide
  Arbitrary<List<Fault>> faults() {
    Arbitrary<Fault> fault =
        Arbitraries.of(
                Fault.rateLimited(Duration.ZERO), Fault.serverError(502), Fault.serverError(503), Fault.serverError(500),
                Fault.connectionReset())
            .flatMap(f -> Arbitraries.doubles().between(0.05, 0.5).map(f::onFraction));
    return fault.list().ofMaxSize(3);
  }
}
