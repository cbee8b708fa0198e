package io.regshift.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.scan.engine.PathShape.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each shape is one seen in real code; the path is the first {@code devices/revoke} in the text. */
class PathShapeTest {
    private static Kind prefixOf(String text) {
        int start = text.indexOf("devices/revoke");
        assertThat(start).as("the example holds the path").isNotNegative();
        return PathShape.prefix(text, start);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "POST /accounts/{account_id}/devices/revoke",
                "  /accounts/{account_identifier}/devices/revoke:",
                "String path = String.format(\"/accounts/%s/devices/revoke\", accountId);",
                "this._client.post(`/accounts/${account_id}/devices/revoke`, { body })",
                "url: \"/accounts/#{account_id}/devices/revoke\"",
                "let path = fmt\"/accounts/{accountId}/devices/revoke\"",
                "@POST(\"accounts/{accountId}/devices/revoke\")",
                "curl -X POST \"$API/accounts/$ACCOUNT_ID/devices/revoke\" -d @ids.json",
                "https://api.cloudflare.com/client/v4/accounts/${{ secrets.CF_ACCOUNT }}/devices/revoke",
                "\"raw\": \"{{baseUrl}}/accounts/{{account_id}}/devices/revoke\"",
                "https://api.cloudflare.com/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/devices/revoke",
                "https://api.cloudflare.com/client/v4/accounts/.../devices/revoke",
                "/accounts/:account_id/devices/revoke",
                "POST accounts/ACCOUNT_ID/devices/revoke",
                "val path = \"/accounts/$accountId/devices/revoke\"",
                "$path = '/accounts/' . $this->accountId . '/devices/revoke';",
                "$path = '/accounts/'.$accountId.'/devices/revoke';",
                "String path = \"/accounts/\" + accountId + \"/devices/revoke\";",
                "path := \"/accounts/\" + accountID +\n\t\t\"/devices/revoke\"",
                "path = \"/accounts/\" <> account_id <> \"/devices/revoke\"",
                "self.add('AUTH', 'accounts', 'devices/revoke')",
                "/accounts/\u0001/devices/revoke",
                "curl \"${CF_API}/accounts/${CF_ACCOUNT}/devices/revoke\"",
                "POST https://api.cloudflare.com/accounts/{id}/devices/revoke",
                "curl -X POST \"http://localhost:8080/accounts/test/devices/revoke\" -d '[]'",
            })
    void anAccountSegmentBeforeThePathIsCloudflares(String text) {
        assertThat(prefixOf(text)).isEqualTo(Kind.ACCOUNT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "app.post('/api/devices/revoke', revokeHandler)",
                "fetch(`${API_BASE_URL}/api/devices/revoke`, { method: 'POST' })",
                "curl -X POST \"$BASE_URL/api/devices/revoke\"",
                "mux.HandleFunc(\"/v1/devices/revoke\", h.revoke)",
                "String.format(\"/users/%s/devices/revoke\", userId)",
                "GET /merchant-accounts/{id}/devices/revoke",
                "import { revoke } from './api/auth/devices/revoke.js'",
                "axios.post('mobile/devices/revoke')",
                "https://devices.example.com/devices/revoke",
                "String path = \"/users/\" + userId + \"/devices/revoke\";",
                "format!(\"/api/platforms/steam/accounts/{account_id}/devices/revoke\")",
                "path = \"/platforms/steam/accounts/\" + id + \"/devices/revoke\"",
            })
    void anotherSegmentBeforeThePathIsSomeoneElses(String text) {
        assertThat(prefixOf(text)).isEqualTo(Kind.FOREIGN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "@Post('devices/revoke')",
                "createAsyncThunk('devices/revoke', async (ids) => ids)",
                "api.post('/devices/revoke', ids)",
                "httpx.post(f\"{API}/devices/revoke\", json=ids)",
                "requests.post(BASE + \"/devices/revoke\", json=ids)",
                "fmt.Sprintf(\"/%s/%s/devices/revoke\", AccountRouteRoot, accountID)",
                "the devices/revoke endpoint",
                "devices/revoke",
                "x = \"foo\"\nrequests.post(BASE + \"/devices/revoke\")",
                "`${base}/devices/revoke`",
                "\"%s/devices/revoke\"",
            })
    void aPathThatStartsItsStringOrFollowsAValueIsUnknown(String text) {
        assertThat(prefixOf(text)).isEqualTo(Kind.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"path\": [\"accounts\", \":account_id\", \"devices\", \"revoke\"]",
                "\"path\": [\n  \"accounts\",\n  \"{{account_id}}\",\n  \"devices\",\n  \"revoke\"\n]",
            })
    void aSegmentArrayWithTheAccountIsCloudflares(String text) {
        assertThat(PathShape.segmentsPrefix(text, text.indexOf("\"devices\""))).isEqualTo(Kind.ACCOUNT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "queryKey: [\"devices\", \"revoke\"]",
                "\"path\": [\"api\", \"devices\", \"revoke\"]",
                "\"path\": [\"users\", \":id\", \"devices\", \"revoke\"]",
            })
    void aSegmentArrayWithoutTheAccountIsUnknown(String text) {
        assertThat(PathShape.segmentsPrefix(text, text.indexOf("\"devices\""))).isEqualTo(Kind.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "devices/revoke",
                "\"/accounts/{id}/devices/revoke\"",
                "/accounts/{id}/devices/revoke?from=docs",
                "Call POST /accounts/{id}/devices/revoke.",
                "/accounts/{id}/devices/revoke/",
                "`/accounts/${id}/devices/revoke`",
            })
    void anEndpointsPathEndsAtItsVerb(String text) {
        assertThat(PathShape.endsAt(text, text.indexOf("devices/revoke") + "devices/revoke".length()))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "builder.addCase('devices/revoke/fulfilled', reducer)",
                "import { revoke } from './api/auth/devices/revoke.js'",
                "template_name = \"devices/revoke.html\"",
                "href=\"./src/resources/zero-trust/devices/revoke.ts\"",
            })
    void aDeeperPathOrAFileNameIsNotTheEndpoint(String text) {
        assertThat(PathShape.endsAt(text, text.indexOf("devices/revoke") + "devices/revoke".length()))
                .isFalse();
    }
}
