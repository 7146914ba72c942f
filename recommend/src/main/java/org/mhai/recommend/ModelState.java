// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a bandit model has learned: per exercise, the sufficient statistics of its Bayesian linear
 * regression, {@code Σ w·x·xᵀ} and {@code Σ w·r·x} over the observations (x = {@link Features} of the
 * context, r = reward, w = weight). The prior and the hyperparameters are not stored: they come from the
 * catalog and {@link Recommender.Settings} when ranking, so an edited catalog or retuned prior takes
 * effect without throwing the data away.
 *
 * <p>The same shape serves a patient (their own feedback only) and the population (everyone's feedback).
 * Because the statistics are sums, updates commute: two instances may each {@link #plus add} an
 * observation to the stored population state in any order and agree.
 *
 * <p>JSON, compact: {@code {"layout":"bias-ekman7-mood-daypart4/v1","arms":{"box-breathing":{"n":3,
 * "xx":[91 numbers: the upper triangle of Σ w·x·xᵀ, row by row],"xr":[13 numbers]}}}}. A state written
 * for another {@link Features#LAYOUT} is refused.
 *
 * @param layout the feature layout the statistics were collected with
 * @param arms statistics by exercise id; exercises never tried are absent
 */
public record ModelState(String layout, Map<String, ArmStats> arms) {
  private static final int D = Features.DIMENSION;
  private static final int PACKED = D * (D + 1) / 2;

  public ModelState {
    Objects.requireNonNull(layout, "layout");
    arms = java.util.Collections.unmodifiableMap(new TreeMap<>(arms));
  }

  /** A state that has seen nothing. */
  public static ModelState empty() {
    return new ModelState(Features.LAYOUT, Map.of());
  }

  /** The statistics of one exercise, or {@code null} when it has none. */
  public ArmStats arm(String exerciseId) {
    return arms.get(exerciseId);
  }

  /** This state plus one observation of {@code exerciseId} in context features {@code x}. */
  public ModelState observe(String exerciseId, double[] x, double reward, double weight) {
    if (x.length != D) throw new IllegalArgumentException("expected " + D + " features, got " + x.length);
    if (!(weight > 0)) throw new IllegalArgumentException("weight must be positive: " + weight);
    ArmStats before = arms.get(exerciseId);
    double[] xx = before == null ? new double[PACKED] : before.xx().clone();
    double[] xr = before == null ? new double[D] : before.xr().clone();
    for (int i = 0, k = 0; i < D; i++) {
      xr[i] += weight * reward * x[i];
      for (int j = i; j < D; j++, k++) xx[k] += weight * x[i] * x[j];
    }
    Map<String, ArmStats> next = new TreeMap<>(arms);
    next.put(exerciseId, new ArmStats((before == null ? 0 : before.n()) + 1, xx, xr));
    return new ModelState(layout, next);
  }

  /** The sum of two states' statistics (same layout). */
  public ModelState plus(ModelState other) {
    if (!layout.equals(other.layout)) throw new IllegalArgumentException("layouts differ: " + layout + " vs " + other.layout);
    Map<String, ArmStats> next = new TreeMap<>(arms);
    other.arms.forEach((id, s) -> next.merge(id, s, ArmStats::plus));
    return new ModelState(layout, next);
  }

  /** Compact JSON, see the class comment. */
  public String toJson() {
    ObjectNode root = Catalog.JSON.createObjectNode();
    root.put("layout", layout);
    ObjectNode as = root.putObject("arms");
    arms.forEach((id, s) -> {
      ObjectNode a = as.putObject(id);
      a.put("n", s.n());
      ArrayNode xx = a.putArray("xx");
      for (double v : s.xx()) xx.add(v);
      ArrayNode xr = a.putArray("xr");
      for (double v : s.xr()) xr.add(v);
    });
    try {
      return Catalog.JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new CatalogException("cannot write model state", e);
    }
  }

  /** Reads {@link #toJson()}; throws {@link CatalogException} for bad JSON or another feature layout. */
  public static ModelState fromJson(String json) {
    JsonNode root;
    try {
      root = Catalog.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new CatalogException("model state is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("layout").isTextual() || !root.path("arms").isObject()) {
      throw new CatalogException("model state needs 'layout' (string) and 'arms' (object)");
    }
    String layout = root.get("layout").asText();
    if (!layout.equals(Features.LAYOUT)) {
      throw new CatalogException("model state has feature layout '" + layout + "', this code reads '" + Features.LAYOUT + "'");
    }
    Map<String, ArmStats> arms = new TreeMap<>();
    for (var it = root.get("arms").fields(); it.hasNext(); ) {
      var e = it.next();
      JsonNode a = e.getValue();
      double[] xx = numbers(a.get("xx"), PACKED, e.getKey() + ".xx");
      double[] xr = numbers(a.get("xr"), D, e.getKey() + ".xr");
      if (!a.path("n").canConvertToLong() || a.get("n").asLong() < 0) throw new CatalogException("model state: " + e.getKey() + ".n must be a count");
      arms.put(e.getKey(), new ArmStats(a.get("n").asLong(), xx, xr));
    }
    return new ModelState(layout, arms);
  }

  private static double[] numbers(JsonNode n, int size, String where) {
    if (n == null || !n.isArray() || n.size() != size) throw new CatalogException("model state: " + where + " must hold " + size + " numbers");
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      if (!n.get(i).isNumber()) throw new CatalogException("model state: " + where + "[" + i + "] is not a number");
      out[i] = n.get(i).asDouble();
    }
    return out;
  }

  /**
   * One exercise's sufficient statistics.
   *
   * @param n how many observations (a skip counts once here, with weight 0.5 in the sums)
   * @param xx the upper triangle of Σ w·x·xᵀ, row by row ({@code D·(D+1)/2} numbers)
   * @param xr Σ w·r·x ({@code D} numbers)
   */
  public record ArmStats(long n, double[] xx, double[] xr) {
    public ArmStats {
      xx = xx.clone();
      xr = xr.clone();
      if (xx.length != PACKED || xr.length != D) throw new IllegalArgumentException("statistics of the wrong size");
    }

    /** The summed weight of the observations (the bias feature is always 1). */
    public double weight() {
      return xx[0];
    }

    /** The weighted mean reward observed, or NaN when nothing was. */
    public double meanReward() {
      return xx[0] > 0 ? xr[0] / xx[0] : Double.NaN;
    }

    /** Σ w·x·xᵀ as a full symmetric matrix. */
    public double[][] xxMatrix() {
      double[][] m = new double[D][D];
      for (int i = 0, k = 0; i < D; i++) {
        for (int j = i; j < D; j++, k++) {
          m[i][j] = xx[k];
          m[j][i] = xx[k];
        }
      }
      return m;
    }

    ArmStats plus(ArmStats o) {
      double[] a = xx.clone();
      double[] b = xr.clone();
      for (int i = 0; i < a.length; i++) a[i] += o.xx[i];
      for (int i = 0; i < b.length; i++) b[i] += o.xr[i];
      return new ArmStats(n + o.n, a, b);
    }

    @Override
    public double[] xx() {
      return xx.clone();
    }

    @Override
    public double[] xr() {
      return xr.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ArmStats s && s.n == n && Arrays.equals(s.xx, xx) && Arrays.equals(s.xr, xr);
    }

    @Override
    public int hashCode() {
      return Objects.hash(n, Arrays.hashCode(xx), Arrays.hashCode(xr));
    }

    @Override
    public String toString() {
      return "ArmStats[n=" + n + ", weight=" + weight() + ", meanReward=" + meanReward() + "]";
    }
  }
}
