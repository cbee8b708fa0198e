package io.regshift.proxy;

import io.regshift.adapter.ErrorCodes;
import io.regshift.adapter.LegacyCall;
import io.regshift.adapter.LegacyPlan;
import io.regshift.adapter.LegacyResponse;
import io.regshift.adapter.LegacyTranslation;
import io.regshift.adapter.ReplacementOutcome;
import io.regshift.core.CloudflareJson;
import io.regshift.core.Envelope;
import io.regshift.core.ReplacementCall;
import io.regshift.core.ResponseInfo;
import io.regshift.core.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves calls to the deprecated endpoints with the adapter's {@link LegacyTranslation}, exactly as
 * {@link io.regshift.adapter.LegacyRoutingInterceptor} does inside an OkHttp client: the JSON body
 * of IDs (at most 1 MiB) becomes replacement calls ({@code ?id=a&id=b}, batched), each sent to the
 * upstream with the caller's headers, auth included, and retried under {@link RetryPolicy}; the
 * outcomes become one answer in the old envelope shape. A body that can't be translated is answered
 * with 400 and nothing is sent.
 */
final class DeprecatedCalls {
  /** Bytes of an oversized body read and dropped so the caller can read its 400; beyond, the connection closes. */
  private static final long MAX_DRAIN = 8L << 20;

  /**
   * Request headers that describe the caller's connection or its body, not the call: the
   * replacement calls have no body and a connection of their own. OkHttp sets {@code Host}, and
   * {@code Accept-Encoding} so that it can read the answer.
   */
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "host", "content-length", "content-type", "content-encoding", "transfer-encoding", "expect",
          "connection", "keep-alive", "proxy-connection", "proxy-authorization", "proxy-authenticate",
          "te", "trailer", "upgrade", "accept-encoding", "via");

  private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

  private final LegacyTranslation translation;
  private final Upstream upstream;
  private final RetryPolicy retryPolicy;
  private final OkHttpClient http;
  private final ProxyMetrics metrics;

  DeprecatedCalls(
      LegacyTranslation translation,
      Upstream upstream,
      RetryPolicy retryPolicy,
      Duration connectTimeout,
      Duration upstreamTimeout,
      ProxyMetrics metrics) {
    this.translation = translation;
    this.upstream = upstream;
    this.retryPolicy = retryPolicy;
    this.metrics = metrics;
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(connectTimeout)
            .readTimeout(upstreamTimeout)
            .writeTimeout(upstreamTimeout)
            // One attempt as a whole, so an upstream that trickles bytes can't hold it forever.
            .callTimeout(connectTimeout.plus(upstreamTimeout))
            // Credentials go to the upstream only; a redirect is an answer, not a destination.
            .followRedirects(false)
            .followSslRedirects(false)
            // RetryPolicy decides every retry, so attempts are counted and bounded in one place.
            .retryOnConnectionFailure(false)
            .build();
  }

  /** The deprecated call this request is, if it is one. */
  Optional<LegacyCall> recognise(String method, String encodedPath, String encodedQuery) {
    if (!"POST".equals(method)) {
      return Optional.empty();
    }
    return upstream.asUpstreamUrl(encodedPath, encodedQuery).flatMap(url -> translation.recognise(method, url));
  }

  /** Answers the call; blocks the calling thread while the replacement calls are made. */
  void handle(LegacyCall call, Request request, Response response, Callback callback) throws IOException {
    byte[] body = readBody(request);
    LegacyPlan plan = body == null ? translation.tooLarge(call) : translation.plan(call, body);
    if (plan.rejection().isPresent()) {
      metrics.deprecatedCall(call.deprecation(), ProxyMetrics.Outcome.REJECTED, 0, 0);
      if (body == null) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
      }
      write(call, plan.rejection().get(), response, callback);
      return;
    }
    Headers headers;
    try {
      headers = forwardedHeaders(request);
    } catch (IllegalArgumentException e) {
      metrics.deprecatedCall(call.deprecation(), ProxyMetrics.Outcome.REJECTED, 0, 0);
      LocalAnswer.write(response, 400, LocalAnswer.BAD_REQUEST, "a request header can't be forwarded: " + e.getMessage(), callback);
      return;
    }
    long deadline = System.nanoTime() + retryPolicy.deadline().toNanos();
    List<ReplacementOutcome> outcomes = new ArrayList<>();
    List<ReplacementCall> calls = plan.calls();
    for (int i = 0; i < calls.size(); i++) {
      try {
        outcomes.add(send(calls.get(i), headers, deadline));
      } catch (InterruptedIOException e) {
        // The proxy is being stopped hard: this call and the rest are reported as not done.
        for (ReplacementCall unsent : calls.subList(i, calls.size())) {
          outcomes.add(ReplacementOutcome.unreachable(unsent, e, 0));
        }
        break;
      }
    }
    LegacyResponse answer = translation.respond(call, outcomes);
    metrics.deprecatedCall(
        call.deprecation(),
        answer.failedIds().isEmpty() ? ProxyMetrics.Outcome.ROUTED : ProxyMetrics.Outcome.FAILED,
        answer.succeededIds().size(),
        answer.failedIds().size());
    write(call, answer, response, callback);
  }

  private ReplacementOutcome send(ReplacementCall replacement, Headers headers, long deadline) throws InterruptedIOException {
    okhttp3.Request request = new okhttp3.Request.Builder().url(replacement.url()).headers(headers).post(EMPTY).build();
    RetryPolicy.Exchange exchange = retryPolicy.send(request, r -> http.newCall(r).execute(), deadline);
    if (exchange.response() == null) {
      metrics.upstreamError(
          exchange.failure() instanceof InterruptedIOException
              ? ProxyMetrics.UpstreamError.TIMEOUT
              : ProxyMetrics.UpstreamError.UNREACHABLE);
      return ReplacementOutcome.unreachable(replacement, exchange.failure(), exchange.attempts());
    }
    try (okhttp3.Response response = exchange.response()) {
      if (response.isRedirect() || (response.code() >= 300 && response.code() < 400)) {
        return redirected(replacement, response.code(), exchange.attempts());
      }
      if (response.code() >= 500) {
        metrics.upstreamError(ProxyMetrics.UpstreamError.SERVER_ERROR);
      }
      return ReplacementOutcome.answered(
          replacement, response.code(), CloudflareJson.readEnvelope(response), exchange.attempts());
    }
  }

  /**
   * A 3xx is not an answer about the IDs: the call is not followed (it carries the caller's
   * credentials) and its IDs are reported as failed, with a 502 rather than a status that would
   * send the caller to a {@code Location} it never gets. The location is not shown, since it may
   * hold a token.
   */
  private static ReplacementOutcome redirected(ReplacementCall replacement, int status, int attempts) {
    Envelope failure =
        Envelope.failure(
            List.of(
                ResponseInfo.of(
                    ErrorCodes.UPSTREAM_NOT_AN_ENVELOPE,
                    "Cloudflare answered HTTP " + status + ", a redirect, which the proxy does not follow;"
                        + " these IDs were not done")),
            null);
    return ReplacementOutcome.answered(replacement, 502, failure, attempts);
  }

  /** The caller's headers for a replacement call: auth and the rest, less hop-by-hop and body headers. */
  private static Headers forwardedHeaders(Request request) {
    Set<String> listedInConnection = new HashSet<>();
    for (String value : request.getHeaders().getValuesList(HttpHeader.CONNECTION)) {
      for (String name : value.split(",")) {
        listedInConnection.add(name.strip().toLowerCase(Locale.ROOT));
      }
    }
    Headers.Builder headers = new Headers.Builder();
    for (HttpField field : request.getHeaders()) {
      String name = field.getLowerCaseName();
      if (NOT_FORWARDED.contains(name) || listedInConnection.contains(name)) {
        continue;
      }
      headers.addUnsafeNonAscii(field.getName(), field.getValue() == null ? "" : field.getValue());
    }
    List<String> via = request.getHeaders().getValuesList(HttpHeader.VIA);
    headers.add("Via", (via.isEmpty() ? "" : String.join(", ", via) + ", ") + "1.1 regshift");
    return headers.build();
  }

  /**
   * The body, or null when it is larger than {@link LegacyTranslation#MAX_BODY_BYTES}. The rest of
   * an oversized body is read and dropped (up to {@link #MAX_DRAIN}) so that the caller, still
   * sending, reads the answer instead of a reset connection.
   */
  private static byte[] readBody(Request request) throws IOException {
    long declared = request.getLength();
    if (declared > MAX_DRAIN) {
      return null;
    }
    int limit = LegacyTranslation.MAX_BODY_BYTES;
    try (InputStream in = Request.asInputStream(request)) {
      byte[] buffer = new byte[(int) Math.min(limit + 1L, declared >= 0 ? declared + 1 : 16 * 1024)];
      int length = 0;
      while (true) {
        if (length == buffer.length) {
          if (length > limit) {
            drain(in, length);
            return null;
          }
          buffer = java.util.Arrays.copyOf(buffer, Math.min(limit + 1, buffer.length * 2));
        }
        int n = in.read(buffer, length, buffer.length - length);
        if (n < 0) {
          return java.util.Arrays.copyOf(buffer, length);
        }
        length += n;
      }
    }
  }

  private static void drain(InputStream in, long alreadyRead) throws IOException {
    byte[] sink = new byte[64 * 1024];
    long total = alreadyRead;
    while (total < MAX_DRAIN) {
      int n = in.read(sink);
      if (n < 0) {
        return;
      }
      total += n;
    }
  }

  private static void write(LegacyCall call, LegacyResponse answer, Response response, Callback callback) {
    response.getHeaders().put("Regshift-Routed-To", call.deprecation().replacement() + " (" + answer.replacementCalls() + " calls)");
    LocalAnswer.write(response, answer.status(), answer.body(), callback);
  }

  /** Closes the connections of the replacement calls. */
  void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
