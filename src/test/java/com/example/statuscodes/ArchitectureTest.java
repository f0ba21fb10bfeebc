package com.example.statuscodes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package tree is the architecture, and this test keeps it so: each feature package may use only the packages
 * listed for it, and no two packages depend on each other. A new dependency is a decision: add it to the table
 * (or move the type to the package that owns it), never a surprise.
 * <p>
 * ArchUnit rather than Spring Modulith's {@code ApplicationModules.verify()}: the rule here is one table of allowed
 * dependencies between flat packages, which ArchUnit states directly, without Modulith's module model (API and
 * internal sub-packages, events) that this small API has no use for.
 */
@DisplayName("Architecture: the package tree")
class ArchitectureTest {

    private static final String ROOT = "com.example.statuscodes";
    private static final String MACHINERY = "machinery";

    /**
     * Package → the packages it may depend on. {@code errors} is the base; {@code openapi} describes everything;
     * {@code machinery} (speed, Tomcat's own rejections, scale-out, operations) plugs into everything and nothing
     * depends on it, so a reader can skip it.
     */
    private static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("errors", Set.of());
        ALLOWED.put("requestbody", Set.of("errors"));
        ALLOWED.put("parameters", Set.of("errors"));
        ALLOWED.put("admin", Set.of("errors"));
        ALLOWED.put("idempotency", Set.of("errors"));
        ALLOWED.put("users", Set.of("errors", "admin", "idempotency"));
        ALLOWED.put("auth", Set.of("errors", "users"));
        ALLOWED.put("ratelimit", Set.of("errors", "auth"));
        ALLOWED.put("demo", Set.of("errors", "users"));
        ALLOWED.put("openapi", Set.of("errors", "requestbody", "parameters", "admin", "users", "auth", "ratelimit", "idempotency"));
        ALLOWED.put(MACHINERY, Set.of("errors", "requestbody", "parameters", "users", "auth", "ratelimit", "idempotency", "admin"));
    }

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    static Stream<String> packages() {
        return ALLOWED.keySet().stream();
    }

    @ParameterizedTest(name = "{0} uses only the packages allowed for it")
    @MethodSource("packages")
    void each_package_depends_only_on_the_packages_allowed_for_it(String name) {
        String[] forbidden = ALLOWED.keySet().stream()
                .filter(other -> !other.equals(name) && !ALLOWED.get(name).contains(other))
                .map(other -> ROOT + "." + other + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAPackage(ROOT + "." + name + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .check(MAIN);
    }

    @Test
    void no_teaching_package_depends_on_the_machinery() {
        noClasses().that().resideOutsideOfPackage(ROOT + "." + MACHINERY + "..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + "." + MACHINERY + "..")
                .because("the machinery plugs in through Spring's extension points; the lesson never calls it")
                .check(MAIN);
    }

    @Test
    void every_package_is_in_the_table() {
        Set<String> packages = MAIN.stream().map(javaClass -> javaClass.getPackageName())
                .filter(name -> name.startsWith(ROOT + "."))
                .map(name -> name.substring(ROOT.length() + 1).split("\\.")[0])
                .collect(Collectors.toSet());
        assertThat(ALLOWED.keySet()).as("a new package needs a line in ALLOWED").containsAll(packages);
    }

    @Test
    void no_two_packages_depend_on_each_other() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
