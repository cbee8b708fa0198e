package io.regshift.adapter;

/**
 * The codes regshift puts in the {@code errors} of an envelope it writes in the deprecated
 * endpoints' shape. Cloudflare documents codes of at least 1000; these sit in a block of their own
 * so an application can tell the adapter's errors from Cloudflare's.
 */
public final class ErrorCodes {
  /** The request body is not a JSON array of registration ID strings (or is empty, or too big). */
  public static final int INVALID_BODY = 1400;
  /** The account ID in the path, or a registration ID, can't be sent safely. */
  public static final int INVALID_IDENTIFIER = 1401;
  /** Some or all of the IDs were not revoked (unrevoked); {@code result.failed_ids} lists them. */
  public static final int NOT_ALL_IDS_DONE = 1500;
  /** Cloudflare could not be reached, or did not answer in time. */
  public static final int UPSTREAM_UNREACHABLE = 1502;
  /** Cloudflare answered with an error that was not a Cloudflare envelope. */
  public static final int UPSTREAM_NOT_AN_ENVELOPE = 1503;
  /**
   * Cloudflare answered with an error code below 1000 (for example 971, rate limited): kept in
   * the message as {@code [Cloudflare 971] ...}, since the old envelope's codes are at least 1000.
   */
  public static final int UPSTREAM_CODE_BELOW_1000 = 1599;

  private ErrorCodes() {}
}
