package org.pumpauth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Core without I/O (house style): core's own classes use only the JDK, Jackson (to read JSON and
 * YAML text) and core itself; no picocli, no server or persistence framework, no other module.
 */
class CoreDependenciesTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.pumpauth");

    @Test
    void core_depends_only_on_the_jdk_jackson_and_itself() {
        ArchRule rule = classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.fasterxml.jackson..", "org.pumpauth..")
                .because("core is a pure function with adapters around it; frameworks belong in cli and server");
        rule.check(CORE);
    }

    @Test
    void core_does_not_reach_into_the_modules_around_it() {
        classes().should().onlyDependOnClassesThat()
                .resideOutsideOfPackages("org.pumpauth.cli..", "org.pumpauth.server..", "org.pumpauth.bench..")
                .because("dependencies point inward: cli and server use core, never the reverse")
                .check(CORE);
    }

    @Test
    void only_the_policy_loaders_touch_the_file_system() {
        noClasses().that().resideOutsideOfPackage("org.pumpauth.policy.load..")
                .should().dependOnClassesThat().resideInAPackage("java.nio.file..")
                .because("files are read at the edge (policy.load, cli, server); the model, compiler and engine take text")
                .check(CORE);
    }

    @Test
    void the_compiler_and_the_engine_do_not_load_files() {
        noClasses().that().resideInAnyPackage("org.pumpauth.policy.compile..", "org.pumpauth.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.pumpauth.policy.load..")
                .because("loading is at the edge: the compiler compiles text, the engine evaluates compiled versions")
                .check(CORE);
    }
}
