// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

/**
 * What a free-chat message is trying to do, as far as simple rules can tell. It picks the kind of
 * reply (answer, exercise, reflection, small talk); the emotion model picks its tone.
 */
public enum Intent {
  /** "hi", "hola", "good morning". */
  GREETING,
  /** "thanks", "gracias", "that helped, thank you". */
  THANKS,
  /** "bye", "good night", "hasta luego". */
  GOODBYE,
  /** Asks for information: "what is a panic attack?", "¿es normal…?". Try the knowledge base. */
  QUESTION,
  /** Asks for an exercise or for help coping right now: "help me calm down", "¿algún ejercicio?". */
  ASKS_FOR_HELP,
  /** Shares feelings or what is going on: "I feel so alone", "estoy agotada". */
  VENTING,
  /** Good news or feeling better: "I got the job!", "hoy me siento mejor". */
  POSITIVE_NEWS,
  /** Too short or too vague to tell: "ok", "hmm", "?". */
  UNCLEAR
}
