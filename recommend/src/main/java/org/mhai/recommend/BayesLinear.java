// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

/**
 * Bayesian linear regression with known noise variance, in covariance form so that posteriors chain:
 * with prior θ ~ N(m, S) and observations r = θ·x + ε, ε ~ N(0, σ²/w),
 *
 * <pre>
 *   P = S⁻¹ + (Σ w·x·xᵀ) / σ²          posterior precision
 *   μ = P⁻¹ · (S⁻¹·m + (Σ w·r·x) / σ²)  posterior mean
 *   Σ = P⁻¹                            posterior covariance
 * </pre>
 *
 * Matrices are small (13×13), so plain arrays and a Cholesky factorisation are enough.
 */
final class BayesLinear {
  private BayesLinear() {}

  /** A multivariate normal. */
  record Gaussian(double[] mean, double[][] covariance) {
    /** Mean of θ·x. */
    double mean(double[] x) {
      return dot(mean, x);
    }

    /** Variance of θ·x, i.e. xᵀ·Σ·x. */
    double variance(double[] x) {
      double v = 0;
      for (int i = 0; i < x.length; i++) {
        if (x[i] == 0) continue;
        double row = 0;
        for (int j = 0; j < x.length; j++) row += covariance[i][j] * x[j];
        v += x[i] * row;
      }
      return Math.max(v, 0);
    }

    /** This distribution with {@code extra} added to its covariance (a wider prior). */
    Gaussian widen(double[] extraVariance) {
      double[][] c = copy(covariance);
      for (int i = 0; i < c.length; i++) c[i][i] += extraVariance[i];
      return new Gaussian(mean.clone(), c);
    }
  }

  /** The posterior of {@code prior} after the statistics {@code xx} (full matrix) and {@code xr}. */
  static Gaussian posterior(Gaussian prior, double[][] xx, double[] xr, double noiseVariance) {
    int d = xr.length;
    double[][] priorPrecision = inverse(prior.covariance());
    double[][] p = copy(priorPrecision);
    double[] h = multiply(priorPrecision, prior.mean());
    for (int i = 0; i < d; i++) {
      h[i] += xr[i] / noiseVariance;
      for (int j = 0; j < d; j++) p[i][j] += xx[i][j] / noiseVariance;
    }
    double[][] cov = inverse(p);
    return new Gaussian(multiply(cov, h), cov);
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  static double[] multiply(double[][] m, double[] v) {
    double[] out = new double[m.length];
    for (int i = 0; i < m.length; i++) out[i] = dot(m[i], v);
    return out;
  }

  /** Inverse of a symmetric positive-definite matrix, through its Cholesky factor. */
  static double[][] inverse(double[][] a) {
    int n = a.length;
    double[][] l = cholesky(a);
    double[][] inv = new double[n][n];
    double[] e = new double[n];
    for (int c = 0; c < n; c++) {
      java.util.Arrays.fill(e, 0);
      e[c] = 1;
      double[] col = solve(l, e);
      for (int r = 0; r < n; r++) inv[r][c] = col[r];
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = (inv[i][j] + inv[j][i]) / 2;
        inv[i][j] = s;
        inv[j][i] = s;
      }
    }
    return inv;
  }

  /** Lower-triangular L with L·Lᵀ = a. */
  static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
        if (i == j) {
          if (!(s > 0)) throw new IllegalStateException("matrix is not positive definite");
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  /** Solves L·Lᵀ·x = b. */
  private static double[] solve(double[][] l, double[] b) {
    int n = b.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) s -= l[i][k] * y[k];
      y[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) s -= l[k][i] * x[k];
      x[i] = s / l[i][i];
    }
    return x;
  }

  static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
    return c;
  }
}
