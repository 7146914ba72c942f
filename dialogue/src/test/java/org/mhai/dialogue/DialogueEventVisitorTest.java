// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The visitor is the one dispatch over the vocabulary: exactly one method per event record, named after it. */
class DialogueEventVisitorTest {

  @Test
  void oneVisitorMethodPerEventRecord() {
    Set<String> records = Arrays.stream(DialogueEvent.class.getPermittedSubclasses())
        .map(c -> Character.toLowerCase(c.getSimpleName().charAt(0)) + c.getSimpleName().substring(1) + "("
            + c.getSimpleName() + ")")
        .collect(Collectors.toSet());
    Set<String> methods = Arrays.stream(DialogueEvent.Visitor.class.getDeclaredMethods())
        .map(DialogueEventVisitorTest::signature)
        .collect(Collectors.toSet());
    assertEquals(records, methods);
  }

  private static String signature(Method m) {
    return m.getName() + "(" + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
        .collect(Collectors.joining(",")) + ")";
  }
}
