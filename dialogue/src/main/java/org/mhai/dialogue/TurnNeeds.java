// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

/**
 * What {@link org.mhai.dialogue.engine.DialogueEngine#decide} will read of a patient message's
 * extras, as {@link org.mhai.dialogue.engine.DialogueEngine#plan} foresees it before anything is
 * fetched. A {@code false} is a promise: supplying that extra would not change the decision. A
 * {@code true} may over-ask (the fetch is then wasted, never wrong). Two rules stand above that
 * promise: a message of concern needs nothing (the crisis path never waits for a model), and the
 * LLM is never asked while a flow, a questionnaire, a crisis episode or a takeover holds the
 * conversation (docs/responses.md).
 * {@code TurnPlanAgreementTest} plays the scripted conversations to hold plan to it.
 *
 * @param emotion the emotion model's scores (recorded with the message, steering free chat)
 * @param suggestions the recommender's exercise ranking (an exercise a flow offers)
 * @param knowledge a psychoeducation lookup (free chat, English: a message the intent classifier reads as a question,
 *     or one that names a topic, whose reflection the entry on the same topic follows)
 * @param llm an LLM-written free-chat reply, wanted only when the knowledge lookup found nothing
 * @param request the {@link org.mhai.dialogue.understand.RequestReader reading} of what the message asks, in the
 *     {@link org.mhai.dialogue.engine.DialogueEngine#requestContext context} of the conversation: never for a
 *     message the crisis policy or a therapist's takeover answers
 */
public record TurnNeeds(boolean emotion, boolean suggestions, boolean knowledge, boolean llm, boolean request) {
  /** A message of concern, a duplicate: the crisis path waits for nothing. */
  public static final TurnNeeds NOTHING = new TurnNeeds(false, false, false, false, false);

  /** Without a reading. */
  public TurnNeeds(boolean emotion, boolean suggestions, boolean knowledge, boolean llm) {
    this(emotion, suggestions, knowledge, llm, false);
  }

  /** Whether to ask the LLM, given what the knowledge lookup found: a knowledge answer is sent instead. */
  public boolean llmAfter(java.util.List<Turn.Knowledge> found) {
    return llm && found.isEmpty();
  }
}
