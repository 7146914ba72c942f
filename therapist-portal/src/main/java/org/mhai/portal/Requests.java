// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/** Reading staff requests: one place that turns a missing or malformed body into a clear 400. */
public final class Requests {
  private Requests() {}

  /** The request's JSON object body, or a 400 saying {@code expected} ("a JSON object", an example). */
  public static JsonObject jsonBody(RoutingContext ctx, String expected) {
    try {
      JsonObject body = ctx.body() == null || ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
      if (body != null) {
        return body;
      }
    } catch (DecodeException | ClassCastException e) {
      // falls through to the 400
    }
    throw new HttpException(400, "the body must be " + expected);
  }

  public static JsonObject jsonBody(RoutingContext ctx) {
    return jsonBody(ctx, "a JSON object");
  }
}
