// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny real SMTP server on 127.0.0.1 that accepts every message and records it: the greeting, EHLO or
 * HELO, MAIL FROM, RCPT TO, DATA up to the lone ".", RSET, NOOP and QUIT (no STARTTLS, no AUTH). Each
 * message is kept with its envelope and its decoded subject and text, so tests read what a person would.
 */
public final class SmtpSink implements AutoCloseable {
  /** One accepted message: the envelope, the raw DATA, and the subject and plain text as a mail reader shows them. */
  public record Mail(String from, List<String> to, String raw, String subject, String text) {
    public String header(String name) {
      return SmtpSink.header(raw, name);
    }
  }

  private final ServerSocket server;
  private final List<Mail> mails = new CopyOnWriteArrayList<>();
  private volatile boolean open = true;

  private SmtpSink() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "smtp-sink");
    accept.setDaemon(true);
    accept.start();
  }

  public static SmtpSink start() {
    try {
      return new SmtpSink();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  public List<Mail> mails() {
    return List.copyOf(mails);
  }

  private void acceptLoop() {
    while (open) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> session(s), "smtp-sink-session");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void session(Socket socket) {
    try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
        StandardCharsets.UTF_8)); OutputStream out = socket.getOutputStream()) {
      reply(out, "220 sink.test ESMTP ready");
      String from = null;
      List<String> to = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
        switch (verb) {
          case "EHLO" -> reply(out, "250-sink.test\r\n250 8BITMIME");
          case "HELO" -> reply(out, "250 sink.test");
          case "MAIL" -> {
            from = address(line);
            to = new ArrayList<>();
            reply(out, "250 OK");
          }
          case "RCPT" -> {
            to.add(address(line));
            reply(out, "250 OK");
          }
          case "DATA" -> {
            reply(out, "354 end with <CRLF>.<CRLF>");
            StringBuilder data = new StringBuilder();
            String l;
            while ((l = in.readLine()) != null && !l.equals(".")) {
              data.append(l.startsWith("..") ? l.substring(1) : l).append("\r\n");
            }
            String raw = data.toString();
            mails.add(new Mail(from, List.copyOf(to), raw, decodeWords(header(raw, "Subject")), text(raw)));
            reply(out, "250 OK queued");
          }
          case "RSET" -> {
            from = null;
            to = new ArrayList<>();
            reply(out, "250 OK");
          }
          case "NOOP" -> reply(out, "250 OK");
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 not implemented");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String address(String line) {
    int a = line.indexOf('<');
    int b = line.indexOf('>');
    return a >= 0 && b > a ? line.substring(a + 1, b) : line.substring(line.indexOf(':') + 1).trim();
  }

  /** A header's value, unfolded; "" when absent. */
  static String header(String raw, String name) {
    String head = raw.split("\r\n\r\n", 2)[0].replaceAll("\r\n[ \t]+", " ");
    for (String h : head.split("\r\n")) {
      int colon = h.indexOf(':');
      if (colon > 0 && h.substring(0, colon).equalsIgnoreCase(name)) {
        return h.substring(colon + 1).trim();
      }
    }
    return "";
  }

  /** The text/plain body, with its transfer encoding undone (one part or the first text/plain part). */
  private static String text(String raw) {
    String[] parts = raw.split("\r\n\r\n", 2);
    String body = parts.length > 1 ? parts[1] : "";
    String type = header(raw, "Content-Type");
    Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(type);
    if (type.toLowerCase(Locale.ROOT).startsWith("multipart") && boundary.find()) {
      for (String part : body.split("--" + Pattern.quote(boundary.group(1)))) {
        String p = part.startsWith("\r\n") ? part.substring(2) : part;
        if (header(p, "Content-Type").toLowerCase(Locale.ROOT).startsWith("text/plain")) {
          return text(p);
        }
      }
      return "";
    }
    String encoding = header(raw, "Content-Transfer-Encoding").toLowerCase(Locale.ROOT);
    return switch (encoding) {
      case "quoted-printable" -> new String(quotedPrintable(body), StandardCharsets.UTF_8);
      case "base64" -> new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
      default -> body;
    };
  }

  /** RFC 2047 encoded words ({@code =?UTF-8?Q?...?=}, {@code =?UTF-8?B?...?=}) in a header. */
  static String decodeWords(String value) {
    Matcher m = Pattern.compile("=\\?([^?]+)\\?([QqBb])\\?([^?]*)\\?=(\\s+(?==\\?))?").matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      byte[] bytes = m.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(m.group(3))
          : quotedPrintable(m.group(3).replace('_', ' '));
      m.appendReplacement(out, Matcher.quoteReplacement(new String(bytes, java.nio.charset.Charset.forName(m.group(1)))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static byte[] quotedPrintable(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String t = s.replace("=\r\n", "");
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '=' && i + 2 < t.length() && isHex(t.charAt(i + 1)) && isHex(t.charAt(i + 2))) {
        out.write(Integer.parseInt(t.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  @Override
  public void close() {
    open = false;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
