// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.understand;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file {@link RequestReader}'s weights are shipped in ({@code request-reader.weights}): a text header, a blank
 * line, then the payload, per class {@code dimension + buckets + 1} big-endian floats. The header names the format,
 * the key the weights were fitted to ({@link RequestReader#key}), the classes, the dimension, the buckets and the
 * payload's SHA-256, so that {@code head -7} says what a file is. A file that does not match or is damaged is
 * {@link Refused}, with the reason, never partly read.
 */
final class ShippedWeights {
  static final String MAGIC = "mhai request-reader weights";
  static final int FORMAT = 1;
  private static final int MAX_HEADER = 4096;

  /** Weights that cannot be used, and why ("missing", "corrupt", "... mismatch" first). */
  static final class Refused extends Exception {
    Refused(String why) {
      super(why, null, false, false);
    }
  }

  /** What the weights must be: the classes (wire names, comma-separated), the dimension and the buckets. */
  record Shape(String classes, int dimension, int buckets) {
    int width() {
      return dimension + buckets + 1;
    }
  }

  private ShippedWeights() {}

  static byte[] write(String key, Shape shape, float[][] w) {
    ByteBuffer payload = ByteBuffer.allocate(w.length * shape.width() * Float.BYTES);
    for (float[] wk : w) {
      for (float v : wk) {
        payload.putFloat(v);
      }
    }
    String header = MAGIC + "\nformat " + FORMAT + "\nkey " + key + "\nclasses " + shape.classes()
        + "\ndimension " + shape.dimension() + "\nbuckets " + shape.buckets()
        + "\npayload-sha256 " + HexFormat.of().formatHex(sha256().digest(payload.array())) + "\n\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload.array());
    return out.toByteArray();
  }

  /** The header's fields by name, and {@code payload-offset}; refused when the file has no header. */
  static Map<String, String> header(byte[] file) throws Refused {
    int end = -1;
    for (int i = 0; i + 1 < file.length && i < MAX_HEADER; i++) {
      if (file[i] == '\n' && file[i + 1] == '\n') {
        end = i;
        break;
      }
    }
    String[] lines = end < 0 ? new String[0] : new String(file, 0, end, StandardCharsets.US_ASCII).split("\n");
    if (lines.length == 0 || !lines[0].equals(MAGIC)) {
      throw new Refused("corrupt: no weights header");
    }
    Map<String, String> out = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int space = lines[i].indexOf(' ');
      if (space < 0) {
        throw new Refused("corrupt: header line " + (i + 1));
      }
      out.put(lines[i].substring(0, space), lines[i].substring(space + 1));
    }
    out.put("payload-offset", Integer.toString(end + 2));
    return out;
  }

  /** The weights in {@code file} ({@code null}: missing) if fitted to {@code key} in {@code shape} and intact. */
  static float[][] read(byte[] file, String key, Shape shape) throws Refused {
    if (file == null) {
      throw new Refused("missing: no weights in the jar");
    }
    Map<String, String> h = header(file);
    if (!Integer.toString(FORMAT).equals(h.get("format"))) {
      throw new Refused("format mismatch: " + h.get("format") + ", expected " + FORMAT);
    }
    if (!key.equals(h.get("key"))) {
      throw new Refused("key mismatch: fitted to " + h.get("key") + ", the examples, encoder and fit now make " + key);
    }
    if (!shape.classes().equals(h.get("classes")) || !Integer.toString(shape.dimension()).equals(h.get("dimension"))
        || !Integer.toString(shape.buckets()).equals(h.get("buckets"))) {
      throw new Refused("shape mismatch: classes, dimension or buckets differ");
    }
    byte[] payload = Arrays.copyOfRange(file, Integer.parseInt(h.get("payload-offset")), file.length);
    String sum = HexFormat.of().formatHex(sha256().digest(payload));
    if (!sum.equals(h.get("payload-sha256"))) {
      throw new Refused("corrupt: payload SHA-256 " + sum + ", header says " + h.get("payload-sha256"));
    }
    int classes = shape.classes().split(",").length;
    if (payload.length != classes * shape.width() * Float.BYTES) {
      throw new Refused("corrupt: payload of " + payload.length + " bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(payload);
    float[][] out = new float[classes][shape.width()];
    for (float[] wk : out) {
      for (int d = 0; d < wk.length; d++) {
        wk[d] = in.getFloat();
        if (!Float.isFinite(wk[d])) {
          throw new Refused("corrupt: a weight is not finite");
        }
      }
    }
    return out;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
