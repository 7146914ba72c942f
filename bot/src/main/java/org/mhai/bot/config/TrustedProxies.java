// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code MHAI_TRUSTED_PROXIES}: the reverse proxies whose {@code X-Forwarded-For} this service believes, as IPv4 and
 * IPv6 addresses or CIDR blocks ({@code 10.0.0.0/8, 192.168.1.5, fd00::/8}). Empty: no header is believed.
 */
public record TrustedProxies(List<Block> blocks) {
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  /** One address block: the first {@code bits} bits of {@code network}. */
  public record Block(byte[] network, int bits) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public String toString() {
      try {
        return InetAddress.getByAddress(network).getHostAddress() + "/" + bits;
      } catch (UnknownHostException e) {
        return "?/" + bits;
      }
    }
  }

  public TrustedProxies {
    blocks = List.copyOf(blocks);
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** Whether {@code address} (a literal IP, as Vert.x reports a peer) is one of the trusted proxies. */
  public boolean contains(String address) {
    byte[] raw = literal(address);
    if (raw == null) {
      return false;
    }
    for (Block b : blocks) {
      if (b.contains(raw)) {
        return true;
      }
    }
    return false;
  }

  /** Parses the variable's value; a bad entry stops start-up with the entry named. */
  public static TrustedProxies parse(String key, String value) {
    List<Block> out = new ArrayList<>();
    for (String entry : value.split(",")) {
      String e = entry.trim();
      if (e.isEmpty()) {
        continue;
      }
      String ip = e;
      Integer bits = null;
      int slash = e.indexOf('/');
      if (slash >= 0) {
        ip = e.substring(0, slash);
        try {
          bits = Integer.parseInt(e.substring(slash + 1));
        } catch (NumberFormatException ex) {
          throw new ConfigException(key, "'" + e + "' has no prefix length after '/' (expected e.g. 10.0.0.0/8 or fd00::/8)");
        }
      }
      byte[] raw = literal(ip);
      if (raw == null) {
        throw new ConfigException(key, "'" + e + "' is not an IPv4 or IPv6 address or CIDR block "
            + "(expected a comma-separated list such as 10.0.0.0/8, 192.168.1.5, fd00::/8; host names are not allowed)");
      }
      int max = raw.length * 8;
      int b = bits == null ? max : bits;
      if (b < 0 || b > max) {
        throw new ConfigException(key, "'" + e + "': the prefix length must be between 0 and " + max);
      }
      out.add(new Block(raw, b));
    }
    if (out.isEmpty()) {
      throw new ConfigException(key, "is set but names no address (unset it, or list proxies such as 10.0.0.0/8)");
    }
    return new TrustedProxies(out);
  }

  /**
   * The bytes of an IP literal (IPv4 dotted quad or IPv6, an IPv4-mapped IPv6 address as IPv4), or null: never a
   * name lookup.
   */
  static byte[] literal(String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    int zone = t.indexOf('%');
    if (zone >= 0) {
      t = t.substring(0, zone);
    }
    boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = !v4 && t.contains(":") && t.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6) {
      return null;
    }
    if (v4) {
      for (String part : t.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return null;
        }
      }
    }
    try {
      return InetAddress.getByName(t).getAddress(); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** {@code address} in one canonical spelling (so 0:0::1 and ::1 share a limit), or null when it is no IP literal. */
  public static String canonical(String address) {
    byte[] raw = literal(address);
    if (raw == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(raw).getHostAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return blocks.toString();
  }
}
