// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * No two packages depend on each other, directly or round a loop, across the main classes this module
 * sees: nlp, recommend, dialogue and the tools themselves (bot's PackageCyclesTest checks bot with every
 * module it ships). {@link #KNOWN} held the cycles there when the check came in (issue 17); the dialogue
 * API split from its engine removed the last of them. Any cycle fails, and so does a known one that is
 * gone, so the list only shrinks.
 */
class PackageCyclesTest {

  /** Each known cycle as its packages under org.mhai, sorted. */
  static final Set<String> KNOWN = Set.of();

  private static final Pattern SLICE = Pattern.compile("Slice (\\S+)");
  private static final ArchRule FREE_OF_CYCLES = slices().matching("org.mhai.(**)").should().beFreeOfCycles();

  @Test
  void no_package_cycle_but_the_known_ones_and_every_known_one_still_there() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar")) // modules' test-jars (port contracts)
        .importPackages("org.mhai");
    EvaluationResult result = FREE_OF_CYCLES.evaluate(classes);
    EvaluationResult unknown = result.filterDescriptionsMatching(d -> !KNOWN.contains(cycle(d)));
    assertFalse(unknown.hasViolation(), () -> unknown.getFailureReport().toString());
    for (String known : KNOWN) {
      Set<String> packages = Arrays.stream(known.split(" ")).map(p -> "org.mhai." + p).collect(Collectors.toSet());
      JavaClasses within = classes.that(DescribedPredicate.describe("in " + known,
          (JavaClass c) -> packages.contains(c.getPackageName())));
      assertTrue(FREE_OF_CYCLES.evaluate(within).hasViolation(),
          "the known cycle " + known + " is gone: take it out of KNOWN");
    }
  }

  /** The packages of one reported cycle ("Cycle detected: Slice a -> Slice b -> Slice a ..."), sorted. */
  static String cycle(String violation) {
    String head = violation.split("\\n\\s*1\\. ", 2)[0];
    Set<String> names = new TreeSet<>();
    Matcher m = SLICE.matcher(head);
    while (m.find()) {
      names.add(m.group(1));
    }
    return String.join(" ", names);
  }

  @Test
  void a_cycle_reads_as_its_sorted_packages() {
    String report = "Cycle detected: Slice portal -> \n    Slice portal.patient -> \n    Slice portal\n"
        + "  1. Dependencies of Slice portal\n    - Field <org.mhai.portal.X.y> has type <org.mhai.portal.patient.Z>";
    assertEquals("portal portal.patient", cycle(report));
    assertEquals("a b", cycle("Cycle detected: Slice b -> Slice a -> Slice b"));
  }
}
