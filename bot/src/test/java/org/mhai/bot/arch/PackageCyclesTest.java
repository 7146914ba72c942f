// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No two packages depend on each other, directly or round a loop, across the main classes of
 * bot and every module it ships (nlp, recommend, dialogue, therapist-portal; models/tools checks itself). The cycles there when the check came in (issue 17) are all gone, so any cycle fails the build.
 */
class PackageCyclesTest {

  @Test
  void no_package_depends_on_itself_round_a_loop() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar")) // modules' test-jars (port contracts)
        .importPackages("org.mhai");
    slices().matching("org.mhai.(**)").should().beFreeOfCycles().check(classes);
  }
}
