// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.auth;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code drawn on the server as SVG (ZXing's encoder, no AWT, nothing fetched from a CDN), so that
 * the TOTP key can be scanned at enrolment. The SVG is one {@code <path>} of unit squares on a white
 * background with the 4-module quiet zone, small (a 6-digit key URI is a 41×41 code, under 4 kB).
 */
public final class QrCode {
  private QrCode() {}

  /** The modules of {@code text} with the quiet zone, error correction M (15 %). */
  public static BitMatrix matrix(String text) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
              EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode this text as a QR code", e);
    }
  }

  /** The code as an SVG document; {@code label} is its accessible name. */
  public static String svg(String text, String label) {
    BitMatrix m = matrix(text);
    int w = m.getWidth();
    int h = m.getHeight();
    StringBuilder d = new StringBuilder(w * h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (m.get(x, y)) {
          int run = 1;
          while (x + run < w && m.get(x + run, y)) {
            run++;
          }
          d.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run).append('z');
          x += run - 1;
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h + "\" width=\"" + (w * 5) + "\" height=\""
        + (h * 5) + "\" role=\"img\" aria-label=\"" + escape(label) + "\" shape-rendering=\"crispEdges\">"
        + "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + d + "\"/></svg>";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}
