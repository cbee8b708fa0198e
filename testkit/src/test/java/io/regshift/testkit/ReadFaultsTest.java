package io.regshift.testkit;

import static io.regshift.testkit.Http.authorizedGet;
import static io.regshift.testkit.Http.resultInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regshift.testkit.FakeCloudflare.Route;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReadFaultsTest {
    @RegisterExtension
    static final FakeCloudflare cloudflare = FakeCloudflare.create();

    private static final String REGISTRATIONS = "/accounts/acc/devices/registrations";

    private static void givenRegistrations(int n) {
        for (int i = 1; i <= n; i++) {
            cloudflare.givenRegistrations(
                    "acc", FakeRegistration.builder("r" + i, "d" + i).build());
        }
    }

    /** Follows the cursors, one request per page, and returns each page's status. */
    private static List<Integer> walk() {
        List<Integer> statuses = new ArrayList<>();
        String cursor = "";
        do {
            HttpResponse<String> page = authorizedGet(cloudflare, REGISTRATIONS + "?per_page=2&cursor=" + cursor);
            statuses.add(page.statusCode());
            if (page.statusCode() == 200) {
                cursor = (String) resultInfo(page).get("cursor");
            }
        } while (!cursor.isEmpty() && statuses.size() < 10);
        return statuses;
    }

    @Test
    void aFaultOnTheThirdPageFailsThatPageOnceAndTheRetrySucceeds() {
        givenRegistrations(7);
        cloudflare.inject(Fault.serverError(503)
                .onRoute(Route.REGISTRATIONS_LIST)
                .onPage(3)
                .times(1));

        assertThat(walk()).containsExactly(200, 200, 503, 200, 200);
        assertThat(cloudflare.calls().get(2).fault()).isPresent();
    }

    @Test
    void aPageFaultNeverMatchesRequestsThatAreNoPage() {
        givenRegistrations(1);
        cloudflare.inject(Fault.serverError(500).onPage(1));

        assertThat(authorizedGet(cloudflare, REGISTRATIONS + "/r1").statusCode())
                .isEqualTo(200);
        assertThat(authorizedGet(cloudflare, REGISTRATIONS).statusCode()).isEqualTo(500);
    }

    @Test
    void aRouteFaultLeavesTheOtherRoutesAlone() {
        givenRegistrations(1);
        cloudflare.inject(Fault.rateLimited(Duration.ofSeconds(2)).onRoute(Route.PHYSICAL_DEVICES_LIST));

        HttpResponse<String> devices = authorizedGet(cloudflare, "/accounts/acc/devices/physical-devices");

        assertThat(devices.statusCode()).isEqualTo(429);
        assertThat(devices.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(authorizedGet(cloudflare, REGISTRATIONS).statusCode()).isEqualTo(200);
    }

    @Test
    void aFaultCanTargetTheReadsOfOneRegistration() {
        givenRegistrations(2);
        cloudflare.inject(Fault.connectionReset().whenIdPresent("r2"));

        assertThat(authorizedGet(cloudflare, REGISTRATIONS + "/r1").statusCode())
                .isEqualTo(200);
        assertThatThrownBy(() -> authorizedGet(cloudflare, REGISTRATIONS + "/r2/override_codes"))
                .hasRootCauseInstanceOf(java.io.IOException.class);
    }

    @Test
    void faultsDescribeTheirRouteAndPage() {
        assertThat(Fault.serverError(502).onRoute(Route.REGISTRATIONS_LIST).onPage(2))
                .hasToString("server_error 502 on REGISTRATIONS_LIST on page 2");
        assertThatThrownBy(() -> Fault.serverError(502).onPage(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pages count from 1, was 0");
    }
}
