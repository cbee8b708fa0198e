import io.regshift.core.Catalog;
import io.regshift.core.Credentials;
import io.regshift.core.RegistrationsClient;
import io.regshift.core.ReplacementCall;
import java.util.List;

/** Plans a revoke with core's client, which needs OkHttp, Okio, Moshi and Kotlin at run time. */
public class CoreCheck {
    public static void main(String[] args) {
        RegistrationsClient client = RegistrationsClient.builder()
                .credentials(Credentials.apiToken("t"))
                .build();
        List<ReplacementCall> plan = client.plan(
                Catalog.standard().deprecations().get(0), "acc-1", List.of("reg-a", "reg-b"));
        for (ReplacementCall call : plan) {
            System.out.println(call.method() + " " + call.url());
        }
    }
}
