// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp;

/**
 * Crisis-risk levels of product.md §3, ordered from least to most severe.
 *
 * <ul>
 *   <li>{@link #IMMINENT}: an attempt in progress, or a plan with means and time now.
 *   <li>{@link #HIGH}: active suicidal ideation or intent, self-harm now, a third party in
 *       immediate danger, a threat of violence to the patient.
 *   <li>{@link #MEDIUM}: passive ideation, hopelessness, feeling a burden, returning urges,
 *       concern for someone else: the C-SSRS screener is asked.
 *   <li>{@link #LOW}: distress without risk indicators.
 *   <li>{@link #NONE}: nothing of concern.
 * </ul>
 */
public enum RiskLevel {
  NONE, LOW, MEDIUM, HIGH, IMMINENT;

  /** True exactly for {@link #HIGH} and {@link #IMMINENT}. */
  public boolean escalates() {
    return this == HIGH || this == IMMINENT;
  }

  public boolean atLeast(RiskLevel other) {
    return compareTo(other) >= 0;
  }

  public static RiskLevel max(RiskLevel a, RiskLevel b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** The lower-case wire name used in JSON ("none", "high", ...). */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
