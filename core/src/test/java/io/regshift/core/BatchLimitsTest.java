package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class BatchLimitsTest {
    @Test
    void endpointLengthWorkedOutFromTheBaseIsTheRenderedLength() {
        List<String> bases = List.of(
                "https://api.cloudflare.com/client/v4",
                "https://api.cloudflare.com/client/v4/",
                "http://127.0.0.1:8080/",
                "http://127.0.0.1:8080",
                "http://[::1]:9000/x",
                "https://h/a//",
                "https://h/v4?x=1",
                "https://h/v4/?x=1#f",
                "https://user:pw@h/v4",
                "https://h/%7Eme/v4");
        List<String> accounts =
                List.of("023e105f4ecef8ad9ca31a8372d0c353", "acc_1-2", "acc ount", "a%b", "\u00fcn", "a~b.c");
        for (String base : bases) {
            for (String account : accounts) {
                HttpUrl url = HttpUrl.get(base);
                List<String> segments =
                        Catalog.standard().deprecations().get(0).replacement().pathSegments(account);
                HttpUrl.Builder endpoint = url.newBuilder();
                segments.forEach(endpoint::addPathSegment);
                assertThat(BatchLimits.endpointLength(url, segments, endpoint))
                        .as("%s + %s", base, account)
                        .isEqualTo(endpoint.toString().length());
            }
        }
    }

    private static final HttpUrl BASE = HttpUrl.get("https://api.cloudflare.com/client/v4");
    private static final Deprecation REVOKE = Catalog.standard().require("revoke");

    private static RegistrationIds ids(int n, String prefix) {
        return RegistrationIds.of(
                IntStream.range(0, n).mapToObj(i -> prefix + i).collect(Collectors.toList()));
    }

    @Test
    void oneIdIsOneCallToTheReplacementPath() {
        List<ReplacementCall> calls = BatchLimits.defaults().split(BASE, REVOKE, "acc", RegistrationIds.of("a"));

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).url().toString())
                .isEqualTo("https://api.cloudflare.com/client/v4/accounts/acc/devices/registrations/revoke?id=a");
    }

    @Test
    void splitsAt200IdsPerCall() {
        assertThat(BatchLimits.defaults().split(BASE, REVOKE, "acc", ids(200, "id-")))
                .extracting(c -> c.ids().size())
                .containsExactly(200);
        assertThat(BatchLimits.defaults().split(BASE, REVOKE, "acc", ids(201, "id-")))
                .extracting(c -> c.ids().size())
                .containsExactly(200, 1);
    }

    @Test
    void keepsEveryUrlWithinTheLengthBoundAndEveryIdInExactlyOneCall() {
        RegistrationIds uuids = ids(10_000, "f174e90a-fafe-4643-bbbc-4a0ed4fc");

        List<ReplacementCall> calls = BatchLimits.of(1000, 8192).split(BASE, REVOKE, "acc", uuids);

        List<String> carried = new ArrayList<>();
        for (ReplacementCall call : calls) {
            assertThat(call.url().toString().length()).isLessThanOrEqualTo(8192);
            assertThat(call.url().queryParameterValues("id")).isEqualTo(call.ids());
            carried.addAll(call.ids());
        }
        assertThat(carried).isEqualTo(uuids);
        // Packed, not just bounded: adding the next ID would have crossed the bound.
        ReplacementCall first = calls.get(0);
        String next = uuids.get(first.ids().size());
        assertThat(first.url().toString().length() + "&id=".length() + next.length())
                .isGreaterThan(8192);
    }

    @Test
    void countsTheEncodedLength() {
        RegistrationIds wide = ids(400, "é&#% ");

        List<ReplacementCall> calls = BatchLimits.of(1000, 2048).split(BASE, REVOKE, "acc", wide);

        assertThat(calls)
                .allSatisfy(c -> assertThat(c.url().toString().length()).isLessThanOrEqualTo(2048));
        assertThat(calls.stream()
                        .flatMap(c -> c.url().queryParameterValues("id").stream())
                        .collect(Collectors.toList()))
                .isEqualTo(wide);
    }

    @Test
    void encodesTheAccountAndIdsSoEachTravelsWhole() {
        ReplacementCall call = BatchLimits.defaults()
                .split(BASE, REVOKE, "acc one?", RegistrationIds.of("a&id=b", "c#d", "e+f"))
                .get(0);

        assertThat(call.url().encodedPath()).isEqualTo("/client/v4/accounts/acc%20one%3F/devices/registrations/revoke");
        assertThat(call.url().encodedQuery()).isEqualTo("id=a%26id%3Db&id=c%23d&id=e%2Bf");
    }

    @Test
    void anIdTooLongForAnyUrlIsRefused() {
        RegistrationIds huge = RegistrationIds.of("ok", "x".repeat(9000));

        assertThatThrownBy(() -> BatchLimits.defaults().split(BASE, REVOKE, "acc", huge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registration ID [1]")
                .hasMessageContaining("limit of 8192");
    }

    @Test
    void baseUrlWithOrWithoutTrailingSlashGivesTheSamePath() {
        String with = BatchLimits.defaults()
                .split(HttpUrl.get("http://h/client/v4/"), REVOKE, "a", RegistrationIds.of("x"))
                .get(0)
                .url()
                .toString();
        String without = BatchLimits.defaults()
                .split(HttpUrl.get("http://h/client/v4"), REVOKE, "a", RegistrationIds.of("x"))
                .get(0)
                .url()
                .toString();

        assertThat(with)
                .isEqualTo(without)
                .isEqualTo("http://h/client/v4/accounts/a/devices/registrations/revoke?id=x");
    }

    @Test
    void limitsAreChecked() {
        assertThatThrownBy(() -> BatchLimits.of(0, 8192))
                .hasMessageContaining("maxIdsPerCall must be at least 1, was 0");
        assertThatThrownBy(() -> BatchLimits.of(10, 10))
                .hasMessageContaining("maxUrlLength must be at least 64, was 10");
    }
}
