// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import java.util.UUID;

/** A web chat session: its id, its conversation and the hash of its bearer token. */
public record WebSession(UUID sessionId, Conversation conversation, byte[] tokenHash) {}
