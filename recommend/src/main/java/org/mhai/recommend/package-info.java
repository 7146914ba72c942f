// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Which coping exercise fits this person now: the exercise catalog and the contextual bandit that
 * learns from "did that help?". Plain Java, no Vert.x, no knowledge of {@code nlp}. Not built yet:
 * the recommendation issue fills it.
 */
package org.mhai.recommend;
