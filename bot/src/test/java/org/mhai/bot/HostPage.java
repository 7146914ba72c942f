// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A clinic's web page on its own origin (another port than the service, so the widget works
 * cross-origin as it does on a real site) that embeds the widget with the one script tag.
 * {@code /page?hostile=1} adds CSS that tries to restyle everything, to prove the Shadow DOM holds;
 * {@code locale}, {@code color} and {@code title} become the tag's {@code data-} attributes.
 */
final class HostPage implements AutoCloseable {
  /** Rules a careless or hostile site might have; none of them may reach inside the widget. */
  static final String HOSTILE_CSS = "* { color: red !important; font-size: 40px !important; font-family: 'Comic Sans MS', cursive !important;"
      + " line-height: 3 !important; box-sizing: content-box !important; letter-spacing: 4px !important; }"
      + " div, section, header, form, textarea, button, p { display: block !important; padding: 30px !important; margin: 20px !important;"
      + " border: 5px dotted red !important; background: yellow !important; }"
      + " button { visibility: hidden !important; } [hidden] { display: block !important; }";

  private final HttpServer server;
  private final int servicePort;

  HostPage(int servicePort) {
    this.servicePort = servicePort;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/page", exchange -> {
      byte[] body = page(query(exchange.getRequestURI().getRawQuery())).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  /** The page's address; {@code query} is appended as is (for example {@code "hostile=1&locale=es"}). */
  String url(String query) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/page" + (query.isEmpty() ? "" : "?" + query);
  }

  private String page(Map<String, String> q) {
    String service = "http://127.0.0.1:" + servicePort;
    StringBuilder tag = new StringBuilder("<script src=\"" + service + "/widget.js\" data-mhai-server=\"" + service + "\"");
    for (String a : new String[] {"locale", "color", "title"}) {
      if (q.containsKey(a)) {
        tag.append(" data-").append(a).append("=\"").append(q.get(a).replace("\"", "&quot;")).append('"');
      }
    }
    tag.append(" async></script>");
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">"
        + "<title>Riverside Counselling (test host)</title>"
        + (q.containsKey("hostile") ? "<style>" + HOSTILE_CSS + "</style>" : "")
        + "</head><body><main><h1>Riverside University Counselling Service</h1>"
        + "<p id=\"host-text\">Talk to us any time.</p>"
        + "<section class=\"panel log\" id=\"host-section\">The site's own section, named like the widget's parts.</section>"
        + "</main>" + tag + "</body></html>";
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        q.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
