package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF against the 2.1.0 JSON schema, and what GitHub code scanning needs beyond it. */
class SarifOutputTest {
    private static JsonNode sarif(String... args) throws IOException {
        Cli cli = Cli.run(args);
        assertThat(cli.exit()).isIn(0, 1);
        return new ObjectMapper().readTree(cli.out());
    }

    private static Set<ValidationMessage> validate(JsonNode log) throws IOException {
        try (InputStream schema = SarifOutputTest.class.getResourceAsStream("/schemas/sarif-2.1.0.json")) {
            JsonSchema validator =
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
            return validator.validate(log);
        }
    }

    @Test
    void validatesAgainstTheSarif210Schema() throws IOException {
        JsonNode log = sarif("scan", "--format", "sarif", ScanCommandTest.TREE);

        assertThat(validate(log)).isEmpty();
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("$schema").asText()).contains("sarif-2.1.0");
    }

    @Test
    void theSchemaCheckCanFail() throws IOException {
        JsonNode log = sarif("scan", "--format", "sarif", ScanCommandTest.TREE);
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        log.get("runs").get(0).get("results").get(0))
                .put("level", "fatal");

        assertThat(validate(log)).isNotEmpty();
    }

    @Test
    void listsEveryRuleWithDescriptionsHelpAndLink() throws IOException {
        JsonNode rules =
                sarif("scan", "--format", "sarif", ScanCommandTest.TREE).at("/runs/0/tool/driver/rules");

        assertThat(rules).hasSize(15); // per write: path, four SDK languages, the older SDKs' languages, artifact
        for (JsonNode rule : rules) {
            assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
            assertThat(rule.at("/fullDescription/text").asText()).isNotBlank();
            assertThat(rule.at("/help/markdown").asText())
                    .contains("registrations")
                    .contains("regshift:ignore");
            assertThat(rule.get("helpUri").asText()).startsWith("https://developers.cloudflare.com/");
        }
    }

    @Test
    void resultsHaveRelativeLocationsAndStableFingerprints(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("a b.py"), "x = 1\nclient.zero_trust.devices.revoke.create(account_id=a, body=b)\n");

        JsonNode results = sarif("scan", "--format", "sarif", dir.toString()).at("/runs/0/results");
        Files.writeString(
                dir.resolve("a b.py"),
                "# a comment added above\n\nx = 1\nclient.zero_trust.devices.revoke.create(account_id=a, body=b)\n");
        JsonNode moved = sarif("scan", "--format", "sarif", dir.toString()).at("/runs/0/results");

        JsonNode result = results.get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("revoke-sdk-python");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("a%20b.py");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt())
                .isEqualTo(2);
        assertThat(result.at("/locations/0/physicalLocation/region/startColumn").asInt())
                .isEqualTo(8);
        assertThat(moved.get(0)
                        .at("/locations/0/physicalLocation/region/startLine")
                        .asInt())
                .isEqualTo(4);
        assertThat(moved.get(0).get("partialFingerprints")).isEqualTo(result.get("partialFingerprints"));
    }

    @Test
    void twoIdenticalLinesGetDistinctFingerprints(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("x.sh"), "curl $A/accounts/$B/devices/revoke\ncurl $A/accounts/$B/devices/revoke\n");

        JsonNode results = sarif("scan", "--format", "sarif", dir.toString()).at("/runs/0/results");
        Set<String> fingerprints = new HashSet<>();
        results.forEach(r -> fingerprints.add(r.get("partialFingerprints").toString()));

        assertThat(fingerprints).hasSize(2);
    }
}
