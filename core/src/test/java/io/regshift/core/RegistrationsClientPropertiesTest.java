package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.testkit.FakeCloudflare;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

class RegistrationsClientPropertiesTest {
  private static FakeCloudflare cloudflare;
  private static RegistrationsClient client;

  @BeforeContainer
  static void start() {
    cloudflare = FakeCloudflare.create().start();
    client =
        RegistrationsClient.builder()
            .baseUrl(cloudflare.baseUrl())
            .credentials(Credentials.apiToken("test-token"))
            .batchLimits(BatchLimits.of(37, 1024))
            .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).build())
            .build();
  }

  @AfterContainer
  static void stop() {
    cloudflare.close();
  }

  @Property(tries = 60)
  void theFakeRecordsExactlyTheDistinctIdsTheClientAccepted(@ForAll("idLists") List<String> ids) {
    RegistrationIds accepted;
    try {
      accepted = RegistrationIds.of(ids);
    } catch (IllegalArgumentException refused) {
      Assume.that(false);
      return;
    }
    cloudflare.reset();

    RegistrationsResult result = client.revoke("acc", ids);

    assertThat(result.isSuccess()).isTrue();
    assertThat(cloudflare.revokedIds("acc")).isEqualTo(new LinkedHashSet<>(accepted));
    assertThat(result.succeededIds()).isEqualTo(accepted);
  }

  @Provide
  Arbitrary<List<String>> idLists() {
    Arbitrary<String> id =
        Arbitraries.strings()
            .withChars("abcXYZ019-_.~ &=?#%+;,:@!$'()*[]\"<>|^`{}")
            .withCharRange('\u00e0', '\u00ff')
            .withCharRange('\u4e00', '\u4e10')
            .ofMinLength(1)
            .ofMaxLength(40);
    Arbitrary<String> withEmoji = Combinators.combine(id, Arbitraries.of("", "\uD83D\uDE00")).as(String::concat);
    return withEmoji.list().ofMinSize(1).ofMaxSize(300);
  }
}
