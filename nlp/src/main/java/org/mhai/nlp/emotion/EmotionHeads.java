// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.emotion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhai.nlp.Emotion;
import org.mhai.nlp.EmotionScores;

/**
 * Turns the model's three heads (28 GoEmotions labels, Ekman-7, sentiment-4; probabilities from
 * independent sigmoids) into {@link EmotionScores}, using the per-label thresholds tuned on the dev
 * split ({@code labels.json}). A label is predicted when its probability reaches its threshold;
 * when none of a head's labels does, the most probable one is taken.
 */
public final class EmotionHeads {
  /** One head: its labels in output order and their thresholds. */
  public record Head(List<String> labels, double[] thresholds) {
    public Head {
      labels = List.copyOf(labels);
      if (labels.size() != thresholds.length) {
        throw new IllegalArgumentException(labels.size() + " labels but " + thresholds.length + " thresholds");
      }
      thresholds = thresholds.clone();
    }
  }

  private final Head fine;
  private final Head ekman;
  private final Head sentiment;
  private final String model;

  public EmotionHeads(Head fine, Head ekman, Head sentiment, String model) {
    if (fine.labels().size() != 28 || ekman.labels().size() != 7 || sentiment.labels().size() != 4) {
      throw new IllegalArgumentException("expected 28, 7 and 4 labels");
    }
    for (String s : List.of("positive", "negative", "ambiguous", "neutral")) {
      if (!sentiment.labels().contains(s)) {
        throw new IllegalArgumentException("sentiment head lacks " + s);
      }
    }
    if (!new HashSet<>(ekman.labels()).equals(new HashSet<>(Emotion.LABELS))) {
      throw new IllegalArgumentException("Ekman head must be " + Emotion.LABELS + ", was " + ekman.labels());
    }
    this.fine = fine;
    this.ekman = ekman;
    this.sentiment = sentiment;
    this.model = model;
  }

  /**
   * Reads {@code labels.json}: {"heads": {"labels28": {"labels": [...], "thresholds": [...]}, "ekman": …,
   * "sentiment": …}, …} (the heads may also sit at the top level).
   */
  public static EmotionHeads fromJson(InputStream labelsJson, String model) {
    try {
      JsonNode top = new ObjectMapper().readTree(labelsJson);
      JsonNode root = top.has("heads") && top.get("heads").isObject() ? top.get("heads") : top;
      return new EmotionHeads(head(root, "labels28"), head(root, "ekman"), head(root, "sentiment"), model);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read labels.json", e);
    }
  }

  private static Head head(JsonNode root, String name) {
    JsonNode h = root.path(name);
    if (!h.path("labels").isArray() || !h.path("thresholds").isArray()) {
      throw new IllegalArgumentException("labels.json lacks " + name + ".labels or " + name + ".thresholds");
    }
    List<String> labels = new ArrayList<>();
    h.path("labels").forEach(n -> labels.add(n.asText()));
    double[] th = new double[h.path("thresholds").size()];
    for (int i = 0; i < th.length; i++) {
      th[i] = h.path("thresholds").get(i).asDouble();
    }
    return new Head(labels, th);
  }

  public List<String> fineLabels() {
    return fine.labels();
  }

  public List<String> ekmanLabels() {
    return ekman.labels();
  }

  /** The scores for one text from its three heads' probabilities. */
  public EmotionScores scores(float[] fineProbs, float[] ekmanProbs, float[] sentimentProbs) {
    Map<String, Double> f = map(fine, fineProbs);
    Map<String, Double> e = map(ekman, ekmanProbs);
    Map<String, Double> s = map(sentiment, sentimentProbs);
    String sentimentLabel = argmax(sentiment, sentimentProbs);
    double score = clamp(s.get("positive") - s.get("negative"));
    return new EmotionScores(f, e, new EmotionScores.Sentiment(sentimentLabel, score, s), passing(ekman, ekmanProbs),
        passing(fine, fineProbs), model);
  }

  private static Map<String, Double> map(Head head, float[] probs) {
    if (probs.length != head.labels().size()) {
      throw new IllegalArgumentException("expected " + head.labels().size() + " probabilities, got " + probs.length);
    }
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < probs.length; i++) {
      m.put(head.labels().get(i), round((double) probs[i]));
    }
    return m;
  }

  private static List<String> passing(Head head, float[] probs) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < probs.length; i++) {
      if (probs[i] >= head.thresholds()[i]) {
        out.add(head.labels().get(i));
      }
    }
    if (out.isEmpty()) {
      out.add(argmax(head, probs));
    }
    out.sort((a, b) -> Float.compare(probs[head.labels().indexOf(b)], probs[head.labels().indexOf(a)]));
    return out;
  }

  private static String argmax(Head head, float[] probs) {
    int best = 0;
    for (int i = 1; i < probs.length; i++) {
      if (probs[i] > probs[best]) {
        best = i;
      }
    }
    return head.labels().get(best);
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }

  private static double clamp(double v) {
    return Math.max(-1, Math.min(1, round(v)));
  }
}
