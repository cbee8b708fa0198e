package io.regshift.core;

import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * How a list of IDs is split into replacement calls: at most {@link #maxIdsPerCall()} IDs, and a
 * URL of at most {@link #maxUrlLength()} characters, per call. The replacement endpoints take the
 * IDs in the query string, and servers and proxies refuse URLs beyond a few KiB.
 */
public final class BatchLimits {
  /** A URL that OkHttp percent-encodes a lone query parameter against, to learn its length. */
  private static final HttpUrl PROBE = HttpUrl.get("http://regshift.invalid/");

  private final int maxIdsPerCall;
  private final int maxUrlLength;

  private BatchLimits(int maxIdsPerCall, int maxUrlLength) {
    if (maxIdsPerCall < 1) {
      throw new IllegalArgumentException("maxIdsPerCall must be at least 1, was " + maxIdsPerCall);
    }
    if (maxUrlLength < 64) {
      throw new IllegalArgumentException("maxUrlLength must be at least 64, was " + maxUrlLength);
    }
    this.maxIdsPerCall = maxIdsPerCall;
    this.maxUrlLength = maxUrlLength;
  }

  /** 200 IDs and 8 KiB (8192 characters) of URL per call. */
  public static BatchLimits defaults() {
    return new BatchLimits(200, 8192);
  }

  public static BatchLimits of(int maxIdsPerCall, int maxUrlLength) {
    return new BatchLimits(maxIdsPerCall, maxUrlLength);
  }

  public int maxIdsPerCall() {
    return maxIdsPerCall;
  }

  public int maxUrlLength() {
    return maxUrlLength;
  }

  /**
   * The calls that carry {@code ids} to the replacement of {@code deprecation} for one account, in
   * order, every ID in exactly one call.
   *
   * @throws IllegalArgumentException if the account ID is not valid, or one ID alone makes a URL
   *     longer than {@link #maxUrlLength()}
   */
  public List<ReplacementCall> split(
      HttpUrl baseUrl, Deprecation deprecation, String accountId, RegistrationIds ids) {
    HttpUrl.Builder endpointBuilder = baseUrl.newBuilder();
    for (String segment : deprecation.replacement().pathSegments(accountId)) {
      endpointBuilder.addPathSegment(segment);
    }
    HttpUrl endpoint = endpointBuilder.build();
    int prefix = endpoint.toString().length() + 1; // '?'
    String parameter = deprecation.mapping().queryParameter();

    List<ReplacementCall> calls = new ArrayList<>();
    int start = 0;
    int length = prefix;
    for (int i = 0; i < ids.size(); i++) {
      int piece = encodedLength(parameter, ids.get(i));
      if (prefix + piece > maxUrlLength) {
        throw new IllegalArgumentException(
            "registration ID ["
                + i
                + "] "
                + Identifiers.quote(ids.get(i))
                + " is too long: alone it makes a URL of "
                + (prefix + piece)
                + " characters, more than the limit of "
                + maxUrlLength);
      }
      int separator = i == start ? 0 : 1;
      if (i - start == maxIdsPerCall || length + separator + piece > maxUrlLength) {
        calls.add(call(endpoint, parameter, ids.subList(start, i)));
        start = i;
        length = prefix + piece;
      } else {
        length += separator + piece;
      }
    }
    calls.add(call(endpoint, parameter, ids.subList(start, ids.size())));
    return calls;
  }

  /** The length of {@code parameter=id} in the query, as OkHttp will encode it. */
  private static int encodedLength(String parameter, String id) {
    if (unreserved(parameter) && unreserved(id)) {
      return parameter.length() + 1 + id.length(); // nothing to encode: the usual UUIDs
    }
    return PROBE.newBuilder().addQueryParameter(parameter, id).build().encodedQuery().length();
  }

  /** Only characters no URL encoder touches: letters, digits, {@code - . _ ~}. */
  private static boolean unreserved(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static ReplacementCall call(HttpUrl endpoint, String parameter, RegistrationIds ids) {
    HttpUrl.Builder url = endpoint.newBuilder();
    for (String id : ids) {
      url.addQueryParameter(parameter, id);
    }
    return new ReplacementCall(url.build(), ids);
  }

  @Override
  public String toString() {
    return "BatchLimits{maxIdsPerCall=" + maxIdsPerCall + ", maxUrlLength=" + maxUrlLength + "}";
  }
}
