// SPDX-License-Identifier: GPL-3.0-or-later
/** The escalation concept of the domain: an escalation, its status and its reason. Plain Java, no Vert.x. */
package org.mhai.dialogue.escalation;
