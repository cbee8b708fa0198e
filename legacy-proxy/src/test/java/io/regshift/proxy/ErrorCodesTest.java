package io.regshift.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.adapter.ErrorCodes;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The one registry of the codes regshift writes: each code means one thing, and the README says which. */
class ErrorCodesTest {
    private static final Pattern README_ROW = Pattern.compile("^\\| (\\d{4}) \\|");

    /** Every code of the registry by its name: the public int constants of {@link ErrorCodes}. */
    static Map<String, Integer> registry() throws IllegalAccessException {
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (Field field : ErrorCodes.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == int.class) {
                codes.put(field.getName(), field.getInt(null));
            }
        }
        return codes;
    }

    /** The codes in the README's table of error codes, in its order. */
    static List<Integer> readmeCodes() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int section = lines.indexOf("### Error codes the proxy writes");
        assertThat(section).as("the README's section on error codes").isNotNegative();
        List<Integer> codes = new ArrayList<>();
        for (String line : lines.subList(section + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            Matcher row = README_ROW.matcher(line);
            if (row.find()) {
                codes.add(Integer.parseInt(row.group(1)));
            }
        }
        return codes;
    }

    @Test
    void eachCodeMeansOneThing() throws IllegalAccessException {
        assertThat(registry().values())
                .hasSizeGreaterThan(10)
                .doesNotHaveDuplicates()
                .allMatch(code -> code >= 1000);
    }

    @Test
    void theReadmeDocumentsEveryCodeOnceAndNoOther() throws Exception {
        assertThat(readmeCodes())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(registry().values());
    }

    @Test
    void everyStatusTheServerAnswersItselfHasARegisteredCode() throws IllegalAccessException {
        var codes = registry().values();

        assertThat(IntStream.rangeClosed(400, 599).map(LocalAnswer::codeFor)).allMatch(codes::contains);
    }

    @Test
    void aServerErrorOfTheProxyIsNotTheCodeForIdsNotDone() {
        assertThat(LocalAnswer.codeFor(500))
                .isEqualTo(ErrorCodes.PROXY_ERROR)
                .isNotEqualTo(ErrorCodes.NOT_ALL_IDS_DONE);
    }
}
