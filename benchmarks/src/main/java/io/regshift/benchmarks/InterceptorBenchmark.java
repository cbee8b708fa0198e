package io.regshift.benchmarks;

import io.regshift.adapter.LegacyCall;
import io.regshift.adapter.LegacyPlan;
import io.regshift.adapter.LegacyResponse;
import io.regshift.adapter.LegacyRoutingInterceptor;
import io.regshift.adapter.LegacyTranslation;
import io.regshift.adapter.MigrationListener;
import io.regshift.adapter.ReplacementOutcome;
import io.regshift.core.Envelope;
import io.regshift.core.ReplacementCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The legacy adapter's costs. {@code passThrough*}: a request that is not a deprecated call, through
 * an OkHttp client with and without the interceptor (the difference is what the interceptor adds);
 * the network is replaced by an interceptor that answers at once, so only the chain is measured.
 * {@code translate}: one deprecated call with 10 or 200 IDs through {@link LegacyTranslation}
 * (recognise, parse and batch, fold the answers), and {@code route}: the same through the whole
 * interceptor. Run with {@code -prof gc} for the bytes allocated per call.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar InterceptorBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InterceptorBenchmark {
    private static final String BASE = "https://api.cloudflare.com/client/v4";
    private static final MediaType JSON = MediaType.get("application/json");

    @Param({"10", "200"})
    public int ids;

    private OkHttpClient plain;
    private OkHttpClient intercepted;
    private Request other;
    private Request deprecated;
    private LegacyTranslation translation;
    private byte[] body;
    private HttpUrl deprecatedUrl;

    /** Stands in for the network: every request gets a 200 success envelope at once. */
    private static final Interceptor ANSWER = chain -> new Response.Builder()
            .request(chain.request())
            .protocol(Protocol.HTTP_1_1)
            .code(200)
            .message("OK")
            .body(ResponseBody.create("{\"errors\":[],\"messages\":[],\"result\":null,\"success\":true}", JSON))
            .build();

    @Setup
    public void setUp() {
        plain = new OkHttpClient.Builder().addInterceptor(ANSWER).build();
        intercepted = new OkHttpClient.Builder()
                .addInterceptor(LegacyRoutingInterceptor.builder()
                        .listener(MigrationListener.none())
                        .build())
                .addInterceptor(ANSWER)
                .build();
        other = new Request.Builder()
                .url(BASE + "/accounts/023e105f4ecef8ad9ca31a8372d0c353/devices/physical-devices/d1/revoke")
                .header("Authorization", "Bearer token")
                .post(RequestBody.create("{}", JSON))
                .build();
        body = IntStream.range(0, ids)
                .mapToObj(i -> "\"f174e90a-fafe-4643-bbbc-" + String.format("%012d", i) + "\"")
                .collect(Collectors.joining(",", "[", "]"))
                .getBytes(StandardCharsets.UTF_8);
        deprecatedUrl = HttpUrl.get(BASE + "/accounts/023e105f4ecef8ad9ca31a8372d0c353/devices/revoke");
        deprecated = new Request.Builder()
                .url(deprecatedUrl)
                .header("Authorization", "Bearer token")
                .post(RequestBody.create(body, JSON))
                .build();
        translation = LegacyTranslation.create();
    }

    @Benchmark
    public Response passThroughWithoutInterceptor() throws IOException {
        try (Response r = plain.newCall(other).execute()) {
            return r;
        }
    }

    @Benchmark
    public Response passThroughWithInterceptor() throws IOException {
        try (Response r = intercepted.newCall(other).execute()) {
            return r;
        }
    }

    /** The pure translation: recognise, read and batch the body, fold all-success answers. */
    @Benchmark
    public LegacyResponse translate() {
        LegacyCall call = translation.recognise("POST", deprecatedUrl).orElseThrow();
        LegacyPlan plan = translation.plan(call, body);
        List<ReplacementOutcome> outcomes = new ArrayList<>(plan.calls().size());
        for (ReplacementCall replacement : plan.calls()) {
            outcomes.add(ReplacementOutcome.answered(replacement, 200, Envelope.success(null), 1));
        }
        return translation.respond(call, outcomes);
    }

    /** The whole interceptor on a deprecated call, with the network answering at once. */
    @Benchmark
    public Response route() throws IOException {
        try (Response r = intercepted.newCall(deprecated).execute()) {
            return r;
        }
    }
}
