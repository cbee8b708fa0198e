package io.regshift.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.BatchLimits;
import io.regshift.core.CloudflareJson;
import io.regshift.core.Envelope;
import io.regshift.core.RetryPolicy;
import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.Fault;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Under random faults, what the adapter reports as revoked is exactly what the fake revoked. */
class LegacyRoutingPropertiesTest {
  private static FakeCloudflare cloudflare;
  private static OkHttpClient http;

  @BeforeContainer
  static void start() {
    cloudflare = FakeCloudflare.create().start();
    http =
        new OkHttpClient.Builder()
            .addInterceptor(
                LegacyRoutingInterceptor.builder()
                    .baseUrl(cloudflare.baseUrl())
                    .batchLimits(BatchLimits.of(25, 8192))
                    .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).build())
                    .listener(MigrationListener.none())
                    .build())
            .build();
  }

  @AfterContainer
  static void stop() {
    cloudflare.close();
  }

  @Property(tries = 40)
  void reportedRevokedEqualsTheFakesState(@ForAll("faults") List<Fault> faults, @ForAll @IntRange(min = 1, max = 180) int count) throws Exception {
    cloudflare.reset();
    faults.forEach(cloudflare::inject);
    List<String> ids = IntStream.range(0, count).mapToObj(i -> "id-" + i).collect(Collectors.toList());

    Response response =
        http.newCall(
                new Request.Builder()
                    .url(cloudflare.baseUrl() + "/accounts/acc/devices/revoke")
                    .header("Authorization", "Bearer test-token")
                    .post(RequestBody.create(LegacyRoutingInterceptorTest.idsJson(ids), MediaType.get("application/json")))
                    .build())
            .execute();
    Envelope envelope = CloudflareJson.envelope().fromJson(response.body().string());

    Set<String> reportedRevoked;
    if (response.code() == 200) {
      assertThat(envelope.success()).isTrue();
      reportedRevoked = new HashSet<>(ids);
    } else {
      assertThat(envelope.success()).isFalse();
      @SuppressWarnings("unchecked")
      Map<String, List<String>> result = (Map<String, List<String>>) envelope.result();
      reportedRevoked = new HashSet<>(result.get("succeeded_ids"));
      Set<String> all = new HashSet<>(reportedRevoked);
      all.addAll(result.get("failed_ids"));
      assertThat(all).as("no ID lost").isEqualTo(new HashSet<>(ids));
    }
    assertThat(cloudflare.revokedIds("acc")).isEqualTo(reportedRevoked);
  }

  @Provide
  Arbitrary<List<Fault>> faults() {
    Arbitrary<Fault> fault =
        Arbitraries.of(
                Fault.rateLimited(Duration.ZERO), Fault.serverError(502), Fault.serverError(503), Fault.serverError(504),
                Fault.serverError(500), Fault.connectionReset())
            .flatMap(f -> Arbitraries.doubles().between(0.05, 0.6).map(f::onFraction));
    return fault.list().ofMaxSize(3);
  }
}
