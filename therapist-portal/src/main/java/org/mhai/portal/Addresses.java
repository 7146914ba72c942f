// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal;

import java.util.UUID;
import org.mhai.dialogue.ConversationId;

/**
 * Every event-bus address of the service and the portal, in one place. Addresses under
 * {@code mhai.} are relayed between instances (Redis); {@code local.} ones never leave the instance.
 */
public final class Addresses {
  private Addresses() {}

  /** Prefix of a conversation's address ({@link #conversation}): its message, typing, takeover and delivery frames. */
  public static final String CONVERSATION_PREFIX = "mhai.conversation.";
  /**
   * Every message this instance wrote, as {@code {conversationId, channel, message}}, for channels
   * that push messages out themselves (Telegram). Not relayed: exactly the instance that wrote a
   * message delivers it.
   */
  public static final String LOCAL_OUTBOUND = "local.outbound";
  /** Every new or changed escalation (JSON). */
  public static final String ESCALATIONS = "mhai.escalations";
  /** Presence changes (online, last seen; ids only) of patients in the queue. */
  public static final String PRESENCE = "mhai.presence";
  /** The cross-instance relay's state on this instance ({@code down}, {@code reconnected}). */
  public static final String RELAY = "mhai.relay";
  /** Every takeover claim and release, for the other staff's screens. */
  public static final String TAKEOVERS = "mhai.takeovers";
  /** A new helpline list was saved; every instance reloads. */
  public static final String HELPLINES_CHANGED = "mhai.helplines.changed";
  /** A flow was published; every instance reloads. */
  public static final String FLOWS_CHANGED = "mhai.flows.changed";
  /** A new exercise catalog version; every instance reloads. */
  public static final String EXERCISES_CHANGED = "mhai.exercises.changed";
  /** Data keys destroyed by an erasure; every instance drops them from its cache. */
  public static final String KEYS_FORGOTTEN = "mhai.keys.forgotten";

  /** The conversation's address. */
  public static String conversation(UUID conversation) {
    return CONVERSATION_PREFIX + conversation;
  }

  /** The conversation's staff-only address: the patient's presence and typing, for the chat panel. */
  public static String conversationStaff(UUID conversation) {
    return conversation(conversation) + ".staff";
  }

  /** The conversation's address. */
  public static String conversation(ConversationId conversation) {
    return conversation(conversation.value());
  }
}
