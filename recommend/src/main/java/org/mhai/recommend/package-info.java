// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Which coping exercise fits this person now: the exercise catalog and the contextual bandit that
 * learns from "did that help?". Plain Java, no Vert.x, no I/O, no clock, no knowledge of {@code nlp}.
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@link org.mhai.recommend.Catalog}: the versioned exercise catalog ({@link
 *       org.mhai.recommend.Exercise}), built in as {@code exercises.json}; {@code fromJson} validates an
 *       admin-edited one and names the first bad field, {@code toJson} writes it back.</li>
 *   <li>{@link org.mhai.recommend.Context}: what is known at the moment of asking (Ekman-7 emotions,
 *       mood, hour, time, recent offers and their answers, locale, active cautions).</li>
 *   <li>{@link org.mhai.recommend.Recommender}: {@code rank} (Thompson sampling; the random generator is
 *       an argument, so a seed makes it deterministic), {@code expected} (posterior mean), {@code update}
 *       with a {@link org.mhai.recommend.Feedback}, {@code choiceProbabilities} (logging propensities).
 *       Returns {@link org.mhai.recommend.Recommendation}s with a one-line "why".</li>
 *   <li>{@link org.mhai.recommend.ModelState}: what a patient's or the population's model has learned,
 *       as compact JSON with the {@link org.mhai.recommend.Features#LAYOUT feature layout} it was
 *       collected with. The caller stores it (the bot, in PostgreSQL); this module persists nothing.</li>
 * </ul>
 *
 * <p>Typical turn: {@code rank(ctx, patientState, populationState, random).get(0)} → offer it → on the
 * answer, {@code update(patientState, populationState, ctxAtOffer, id, feedback)} → store
 * {@code patient()} and add {@code observation()} to the stored population state.
 *
 * <p>{@code org.mhai.tools.recommend} (module {@code models/tools}, outside the product) holds the offline evaluation: {@code Simulation} (synthetic
 * patients) and {@code Replay} (off-policy estimates from logged feedback). The design and the measured
 * results are in {@code docs/recommendation.md}.
 */
package org.mhai.recommend;
