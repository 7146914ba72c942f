// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.mhai.bot.config.TrustedProxies;
import org.mhai.portal.auth.StaffAuth;

/**
 * The one answer to "which network address is this client?" that every per-address limit uses (issue #16): the TCP
 * peer, unless the peer is a trusted proxy ({@code MHAI_TRUSTED_PROXIES}); then the right-most address of
 * {@code X-Forwarded-For} that is not itself a trusted proxy. From any other peer the header is ignored, so a client
 * cannot choose its own address. Installed first on the router, it leaves the answer in the request's context.
 */
public final class ClientAddress implements Handler<RoutingContext> {
  private final TrustedProxies trusted;

  public ClientAddress(TrustedProxies trusted) {
    this.trusted = trusted;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.put(StaffAuth.CLIENT_ADDRESS, resolve(ctx.request()));
    ctx.next();
  }

  /** The client's address for {@code request}, canonically spelled. */
  public String resolve(HttpServerRequest request) {
    String peer = peer(request);
    if (trusted.isEmpty() || !trusted.contains(peer)) {
      return peer;
    }
    List<String> headers = request.headers().getAll("X-Forwarded-For");
    if (headers.isEmpty()) {
      return peer;
    }
    String[] hops = String.join(",", headers).split(",");
    String nearest = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = TrustedProxies.canonical(stripPort(hops[i].trim()));
      if (hop == null) {
        // not an address: whatever is left of it is the client's own word; stop at what our proxies vouched for
        return nearest;
      }
      if (!trusted.contains(hop)) {
        return hop;
      }
      nearest = hop;
    }
    return nearest; // every hop is a trusted proxy: the left-most one is the client
  }

  /** The address resolved for this request ({@link #handle}), or the TCP peer when none was (one rule with sign-in's). */
  public static String of(RoutingContext ctx) {
    return StaffAuth.clientAddress(ctx);
  }

  private static String peer(HttpServerRequest request) {
    if (request.remoteAddress() == null || request.remoteAddress().hostAddress() == null) {
      return "unknown";
    }
    String raw = request.remoteAddress().hostAddress();
    String c = TrustedProxies.canonical(raw);
    return c == null ? raw : c;
  }

  /** {@code 203.0.113.7:4711} → {@code 203.0.113.7}; {@code [2001:db8::1]:4711} → {@code 2001:db8::1}. */
  private static String stripPort(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end > 0 ? hop.substring(1, end) : hop;
    }
    int colon = hop.indexOf(':');
    if (colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') >= 0) {
      return hop.substring(0, colon);
    }
    return hop;
  }
}
