import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The fast upstream of the proxy benchmark: answers every request at once with a small success
 * envelope, as Cloudflare answers a revoke. Run as a single-file program with the proxy's
 * classpath: java -cp CP UpstreamStub.java PORT
 */
public final class UpstreamStub {
  private static final byte[] BODY =
      "{\"errors\":[],\"messages\":[],\"result\":{\"id\":\"023e105f4ecef8ad9ca31a8372d0c353\"},\"success\":true}"
          .getBytes(StandardCharsets.UTF_8);

  public static void main(String[] args) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(Integer.parseInt(args[0]));
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract.NonBlocking() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "application/json");
        response.write(true, ByteBuffer.wrap(BODY), callback);
        return true;
      }
    });
    server.start();
    System.out.println("stub serving http://127.0.0.1:" + connector.getLocalPort());
    server.join();
  }
}
