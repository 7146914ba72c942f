// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.mood;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The mood trend as a PNG for chats (Telegram {@code /mood}): the last 14 days above the last
 * 90, scores 0–10, one dot per entry. Pure and CPU-bound (JFreeChart on headless AWT): call it on
 * a worker pool, never on an event loop. Notes are never drawn: the caption carries the words.
 */
public final class MoodChart {
  static final int WIDTH = 800;
  static final int HEIGHT = 260;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true"); // a server has no display
    }
  }

  private MoodChart() {}

  /** Both periods, stacked, as PNG bytes. {@code titles}: the heading of each, e.g. "Last 14 days". */
  public static byte[] png(MoodJournal.Trend trend, ZoneId zone, Locale locale, String title14, String title90) {
    BufferedImage image = new BufferedImage(WIDTH, 2 * HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      chart(trend.last(14), zone, locale, title14).draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
      chart(trend.last(90), zone, locale, title90).draw(g, new Rectangle2D.Double(0, HEIGHT, WIDTH, HEIGHT));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static JFreeChart chart(MoodJournal.Trend t, ZoneId zone, Locale locale, String title) {
    TimeSeries series = new TimeSeries("mood");
    for (MoodJournal.Entry e : t.entries()) {
      series.addOrUpdate(new FixedMillisecond(e.at().toEpochMilli()), e.score());
    }
    DateAxis time = new DateAxis(null, TimeZone.getTimeZone(zone), locale);
    Duration span = Duration.ofDays(t.days());
    // a little room after "now", so today's dot is drawn whole
    time.setRange(Date.from(t.now().minus(span)), Date.from(t.now().plus(span.dividedBy(50))));
    NumberAxis score = new NumberAxis(null);
    score.setRange(-0.5, 10.5);
    score.setTickUnit(new NumberTickUnit(2));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    Color ink = new Color(0x1f, 0x4f, 0x52);
    renderer.setSeriesPaint(0, ink);
    renderer.setSeriesStroke(0, new BasicStroke(2.5f));
    renderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
    XYPlot plot = new XYPlot(new TimeSeriesCollection(series, TimeZone.getTimeZone(zone)), time, score, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xc8, 0xc8, 0xc8));
    plot.setDomainGridlinePaint(new Color(0xe4, 0xe4, 0xe4));
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
