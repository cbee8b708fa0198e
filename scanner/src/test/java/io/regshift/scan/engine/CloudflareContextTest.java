package io.regshift.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudflareContextTest {
    private static boolean fileContext(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return CloudflareContext.fileContextIn(bytes, 0, bytes.length);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "BASE = f\"https://api.cloudflare.com/client/v4/accounts/{acc}\"",
                "const token = process.env.CLOUDFLARE_API_TOKEN;",
                "import \"github.com/cloudflare/cloudflare-go\"",
                "uri := fmt.Sprintf(\"/%s/%s/devices/revoke\", AccountRouteRoot, accountID)",
                "from cloudflare import Cloudflare",
                "import Cloudflare from 'cloudflare';",
                "const Cloudflare = require('cloudflare');",
                "import CloudFlare",
                "base_url: https://gateway.example.net/client/v4",
            })
    void namesOfCloudflaresApiAreFileContext(String text) {
        assertThat(fileContext(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "const API = process.env.API_BASE_URL;",
                "// served behind cloudflare tunnels",
                "import { cloudflareLoader } from './images';",
                "app.post('/api/devices/revoke', revoke)",
            })
    void otherTextIsNot(String text) {
        assertThat(fileContext(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.cloudflare.com/client/v4", "$BASE/client/v4/accounts"})
    void theHostIsCloudflaresApiUrl(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CloudflareContext.hostIn(bytes, 0, bytes.length)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.cloudflare.com/", "CLOUDFLARE_API_TOKEN"})
    void otherMentionsAreNotTheHost(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CloudflareContext.hostIn(bytes, 0, bytes.length)).isFalse();
    }
}
