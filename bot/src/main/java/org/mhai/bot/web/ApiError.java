// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.web;

/**
 * A client's mistake or a refusal, answered as {@code {"error": message, "errorId": id}} with
 * {@code status}. Messages are written for the person integrating with us and never contain
 * user text.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final Integer retryAfterSeconds;

  private ApiError(int status, String message, Integer retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ApiError badRequest(String message) {
    return new ApiError(400, message, null);
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(401, message, null);
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, message, null);
  }

  public static ApiError tooLarge(String message) {
    return new ApiError(413, message, null);
  }

  public static ApiError tooMany(String message, int retryAfterSeconds) {
    return new ApiError(429, message, retryAfterSeconds);
  }

  public static ApiError unavailable(String message, int retryAfterSeconds) {
    return new ApiError(503, message, retryAfterSeconds);
  }

  public int status() {
    return status;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
