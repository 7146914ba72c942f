// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on 127.0.0.1 in front of a real server: {@link #cut()} is the server becoming
 * unreachable (listener closed, every open connection dropped), {@link #restore()} brings it back
 * on the same port. The database behind it keeps running; only the path to it fails.
 */
final class TcpProxy implements AutoCloseable {
  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket listener;

  TcpProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.port = s.getLocalPort();
    accept(s);
  }

  int port() {
    return port;
  }

  /** A proxy in front of a fresh test schema's database, and the database URL that goes through it. */
  static TcpProxy forFreshDatabase() throws IOException {
    java.net.URI base = java.net.URI.create(TestServices.freshDatabaseUrl());
    TcpProxy proxy = new TcpProxy(base.getHost(), base.getPort());
    proxy.databaseUrl = base.toString().replace(":" + base.getPort() + "/", ":" + proxy.port() + "/");
    return proxy;
  }

  private String databaseUrl;

  /** The MHAI_DATABASE_URL that reaches the database through this proxy ({@link #forFreshDatabase}). */
  String databaseUrl() {
    return databaseUrl;
  }

  private volatile boolean frozen;

  /**
   * The server stops answering without closing anything (a hung process, a network that drops packets):
   * bytes in either direction are held, not forwarded, until {@link #thaw()}.
   */
  void freeze() {
    frozen = true;
  }

  void thaw() {
    frozen = false;
  }

  synchronized void cut() throws IOException {
    listener.close();
    for (Socket s : open) {
      s.close();
    }
    open.clear();
  }

  synchronized void restore() throws IOException {
    if (!listener.isClosed()) {
      return;
    }
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    accept(s);
  }

  private void accept(ServerSocket s) {
    listener = s;
    Thread t = new Thread(() -> {
      while (!s.isClosed()) {
        try {
          Socket client = s.accept();
          // A connection accepted while cut() runs must not survive the cut (it once let one query through).
          if (!track(s, client)) {
            client.close();
            continue;
          }
          Socket server = new Socket(targetHost, targetPort);
          if (!track(s, server)) {
            server.close();
            client.close();
            continue;
          }
          pump(client, server);
          pump(server, client);
        } catch (IOException e) {
          return;
        }
      }
    }, "tcp-proxy-accept");
    t.setDaemon(true);
    t.start();
  }

  /** Adds a socket to the open set unless the listener it came through has been cut meanwhile. */
  private synchronized boolean track(ServerSocket through, Socket socket) {
    if (through.isClosed() || listener != through) {
      return false;
    }
    open.add(socket);
    return true;
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          while (frozen) {
            Thread.sleep(20);
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed: the other follows
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        try {
          to.close();
          from.close();
        } catch (IOException ignored) {
          // already closed
        }
      }
    }, "tcp-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    cut();
  }
}
