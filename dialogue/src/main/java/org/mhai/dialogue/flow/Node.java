// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.flow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mhai.dialogue.assessment.Instrument;

/**
 * One step of a flow. {@link Question}, {@link Capture}, {@link Assessment} and {@link Recommend}
 * wait for the patient; the others run straight on to the next node in the same turn.
 */
public sealed interface Node {
  String id();

  /** True for nodes that wait for the patient's next message. */
  default boolean waits() {
    return false;
  }

  /** Says something and goes on. */
  record Message(String id, Text text, String next) implements Node {}

  /** One tappable answer of a question: shown as {@code label}, stored as {@code value}. */
  record Option(Text label, String value, String next) {
    public Option {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * Asks with quick replies. An answer matching an option (its label in any language, or its
   * value) goes to that option's {@code next} (or the node's); anything else goes to
   * {@code otherwise} when given, else the question is asked once more and then the flow gives way
   * to free chat.
   *
   * @param slot where the chosen value is kept, if anywhere
   * @param record what the answer means outside the flow: {@code consent_service} or {@code consent_research}
   */
  record Question(String id, Text text, List<Option> options, Optional<String> slot, Optional<String> record,
      Optional<String> next, Optional<String> otherwise) implements Node {
    public Question {
      options = List.copyOf(options);
    }

    @Override
    public boolean waits() {
      return true;
    }
  }

  /** How a captured answer is checked. */
  record Validation(String kind, Optional<Integer> min, Optional<Integer> max, Optional<String> pattern,
      int maxLength) {
    public static final List<String> KINDS = List.of("text", "integer", "mood", "yesno", "pattern");
  }

  /**
   * Takes the patient's next message into a slot after checking it. Free text (kind {@code text},
   * {@code pattern}) is never kept in the conversation state: it is stored sealed in a
   * {@code TextCaptured} event and the slot only says {@code provided}.
   *
   * @param record {@code mood} (a 0–10 mood entry) or {@code feelings}
   * @param optional whether "skip" moves on without a value
   */
  record Capture(String id, Text text, String slot, Validation validation, Optional<String> record,
      Optional<Text> retryText, boolean optional, List<Text> quickReplies, String next) implements Node {
    public Capture {
      quickReplies = List.copyOf(quickReplies);
    }

    @Override
    public boolean waits() {
      return true;
    }
  }

  /** One case of a branch: the first whose condition holds decides. */
  record Case(Condition when, String next) {}

  /** Goes to the first case whose condition holds, else to {@code otherwise}. */
  record Branch(String id, List<Case> cases, String otherwise) implements Node {
    public Branch {
      cases = List.copyOf(cases);
    }
  }

  /** Runs a validated questionnaire (PHQ-9, GAD-7) and goes on when it is complete. */
  record Assessment(String id, Instrument instrument, String next) implements Node {
    @Override
    public boolean waits() {
      return true;
    }
  }

  /** Offers the coping exercise that fits best now and asks "did that help?". */
  record Recommend(String id, Optional<Text> text, String next) implements Node {
    @Override
    public boolean waits() {
      return true;
    }
  }

  /** Asks the care team for a person: an escalation staff see in the queue. */
  record Handoff(String id, Text text, Optional<String> next) implements Node {}

  /** Jumps to a node of this flow, or to the start of another flow. */
  record Goto(String id, Optional<String> target, Optional<String> flow) implements Node {}

  /** Ends the flow (with a last message, if given); the conversation returns to free chat. */
  record End(String id, Optional<Text> text) implements Node {}
}
