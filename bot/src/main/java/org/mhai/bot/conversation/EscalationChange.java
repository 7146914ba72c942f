// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import java.util.UUID;

/** An escalation a turn opened ({@code opened}) or made more urgent. */
public record EscalationChange(UUID id, boolean opened) {}
