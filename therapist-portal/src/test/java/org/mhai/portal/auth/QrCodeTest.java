// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The enrolment QR code is drawn as SVG on the server and decodes back to the otpauth:// URI. */
class QrCodeTest {
  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  private static final Pattern SQUARE = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");

  /** Reads the SVG's runs of modules back into pixels (4 per module) and decodes them with ZXing's reader. */
  static String decode(String svg) throws Exception {
    Matcher box = VIEW_BOX.matcher(svg);
    assertTrue(box.find(), "an SVG with a viewBox");
    int w = Integer.parseInt(box.group(1));
    int h = Integer.parseInt(box.group(2));
    int scale = 4;
    int[] pixels = new int[w * scale * h * scale];
    java.util.Arrays.fill(pixels, 0xFFFFFFFF);
    Matcher m = SQUARE.matcher(svg);
    while (m.find()) {
      int x = Integer.parseInt(m.group(1));
      int y = Integer.parseInt(m.group(2));
      int run = Integer.parseInt(m.group(3));
      for (int dy = 0; dy < scale; dy++) {
        for (int dx = 0; dx < scale * run; dx++) {
          pixels[(y * scale + dy) * w * scale + x * scale + dx] = 0xFF000000;
        }
      }
    }
    var source = new RGBLuminanceSource(w * scale, h * scale, pixels);
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), Map.of(DecodeHintType.PURE_BARCODE, true))
        .getText();
  }

  @Test
  void the_svg_decodes_to_the_otpauth_uri() throws Exception {
    byte[] secret = Totp.newSecret();
    String uri = Totp.uri("MentalHealthAI", "ana.lopez", secret);
    String svg = QrCode.svg(uri, "QR code of the key");
    assertEquals(uri, decode(svg));
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assertTrue(svg.contains("aria-label=\"QR code of the key\""));
    assertTrue(svg.length() < 12_000, "small: " + svg.length());
  }

  @Test
  void the_label_cannot_break_out_of_its_attribute() {
    String svg = QrCode.svg("otpauth://totp/x", "a\"<b>&");
    assertFalse(svg.contains("a\"<b>"));
    assertTrue(svg.contains("aria-label=\"a&quot;&lt;b>&amp;\""));
  }
}
