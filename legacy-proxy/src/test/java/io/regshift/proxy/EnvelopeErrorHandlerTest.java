package io.regshift.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.adapter.ErrorCodes;
import io.regshift.core.ResponseInfo;
import java.net.URI;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Errors Jetty reports itself come back in the envelope, with a code of the registry. */
class EnvelopeErrorHandlerTest {
    Server server;
    ServerConnector connector;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                throw new IllegalStateException("a handler failed");
            }
        });
        server.setErrorHandler(new EnvelopeErrorHandler());
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aFailedHandlerIs500WithTheProxyErrorCodeNotTheCodeForIdsNotDone() {
        HttpResponse<byte[]> response =
                Http.get(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/client/v4/zones"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(Http.envelope(response).errors())
                .extracting(ResponseInfo::code)
                .containsExactly(ErrorCodes.PROXY_ERROR)
                .doesNotContain(ErrorCodes.NOT_ALL_IDS_DONE);
        assertThat(Http.envelope(response).errors().get(0).message())
                .isEqualTo("the proxy could not serve the request: Server Error")
                .doesNotContain("a handler failed");
    }
}
