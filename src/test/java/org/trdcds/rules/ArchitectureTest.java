package org.trdcds.rules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trdcds.hooks.Hook;
import org.trdcds.knowledge.KnowledgeFiles;
import org.trdcds.knowledge.KnowledgeLoader;
import org.trdcds.security.AuthenticatedClient;
import org.trdcds.security.SecurityProperties;

/**
 * The package rules of ARCHITECTURE.md as invariants, checked on the compiled main classes: dependencies point
 * inward, {@code pages, hooks -> fhirdata, cards, feedback -> criteria -> knowledge}, with the exceptions
 * ARCHITECTURE.md names. Each rule says what a package must not reach, never who may reach it: a new package (a
 * capability of its own, e.g. {@code org.trdcds.audit}) may use any inner layer without a change here, and breaks a
 * rule only when an inner layer starts to depend on it or when it closes a cycle between packages.
 */
class ArchitectureTest {

    private static final String KNOWLEDGE = "org.trdcds.knowledge..";
    private static final String CRITERIA = "org.trdcds.criteria..";
    private static final String FHIRDATA = "org.trdcds.fhirdata..";
    private static final String CARDS = "org.trdcds.cards..";
    private static final String FEEDBACK = "org.trdcds.feedback..";
    private static final String HOOKS = "org.trdcds.hooks..";
    private static final String PAGES = "org.trdcds.pages..";
    /**
     * The HTTP in front of the layers: {@code edge} (valves, filters, CORS, refusals, the log sanitiser) and the
     * capabilities beside it, {@code security} (JWT, admin token) and {@code replay} (ARCHITECTURE.md: "HTTP only").
     */
    private static final String EDGE_PACKAGE = "org.trdcds.edge..";

    private static final String[] EDGE = {EDGE_PACKAGE, "org.trdcds.security..", "org.trdcds.replay.."};

    private static final String CONFIG = "org.trdcds.config..";

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.trdcds");
    }

    @Test
    void theRulesSeeEveryLayer() {
        for (String layer :
                List.of(KNOWLEDGE, CRITERIA, FHIRDATA, CARDS, FEEDBACK, HOOKS, PAGES, CONFIG, EDGE_PACKAGE)) {
            assertThat(main.that(resideInAPackage(layer))).as(layer).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void knowledgeDependsOnNoOtherPackageOfTheService() {
        classes()
                .that()
                .resideInAPackage(KNOWLEDGE)
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage("org.trdcds..").or(resideInAPackage(KNOWLEDGE)))
                .because(
                        "knowledge is the innermost layer: it loads the files, every other package reads what it loaded")
                .check(main);
    }

    @Test
    void criteriaIsPlainJavaOverKnowledge() {
        classes()
                .that()
                .resideInAPackage(CRITERIA)
                .should()
                .onlyDependOnClassesThat(resideInAnyPackage("java..", CRITERIA, KNOWLEDGE))
                .because("the decision is plain Java: no Spring, HTTP, JSON, HAPI or Mustache (ARCHITECTURE.md)")
                .check(main);
    }

    /** One home for knowledge: the pages, the cards and the decision read what was loaded, never the files. */
    @Test
    void onlyTheKnowledgePackageAndTheDryRunLoadTheKnowledgeFiles() {
        noClasses()
                .that()
                .resideOutsideOfPackages(KNOWLEDGE, "org.trdcds.dryrun..")
                .should()
                .dependOnClassesThat(belongToAnyOf(KnowledgeFiles.class, KnowledgeLoader.class))
                .because("ARCHITECTURE.md: only knowledge reads fhir-profiles/ and cds-cards/ (the dry run asks it to)")
                .check(main);
    }

    @Test
    void fhirdataCardsAndFeedbackDoNotReachOuterLayersTheEdgeOrTheWiring() {
        noClasses()
                .that()
                .resideInAnyPackage(FHIRDATA, CARDS, FEEDBACK)
                .should()
                .dependOnClassesThat(resideInAnyPackage(concat(EDGE, HOOKS, PAGES, CONFIG)))
                .because("dependencies point inward: pages, hooks -> fhirdata, cards, feedback")
                .check(main);
    }

    @Test
    void fhirdataCardsAndFeedbackAreIndependentOfEachOther() {
        List<String> middle = List.of(FHIRDATA, CARDS, FEEDBACK);
        for (String layer : middle) {
            String[] others =
                    middle.stream().filter(other -> !other.equals(layer)).toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(layer)
                    .should()
                    .dependOnClassesThat(resideInAnyPackage(others))
                    .because("fhirdata, cards and feedback are one layer: each depends only inward")
                    .check(main);
        }
    }

    @Test
    void hooksDoNotReachPages() {
        noClasses()
                .that()
                .resideInAPackage(HOOKS)
                .should()
                .dependOnClassesThat(resideInAPackage(PAGES))
                .check(main);
    }

    @Test
    void pagesReadOnlyTheHookOfHooks() {
        pagesReadFromHooksOnly(Hook.class).check(main);
    }

    /**
     * ARCHITECTURE.md: hooks reads the caller security authenticated (for its allowed FHIR servers). StartupWarmUp
     * also reads SecurityProperties (whether calls must be signed, when the warm-up over HTTP has no token).
     */
    @Test
    void hooksReadOnlyTheAuthenticatedCallerAndTheSigningModeOfSecurity() {
        hooksReadFromSecurityOnly(AuthenticatedClient.class, SecurityProperties.class)
                .check(main);
    }

    @Test
    void theEdgeKnowsNothingOfTheDecision() {
        noClasses()
                .that()
                .resideInAnyPackage(EDGE)
                .should()
                .dependOnClassesThat(
                        resideInAnyPackage(HOOKS, PAGES, FHIRDATA, CARDS, FEEDBACK, CRITERIA, KNOWLEDGE, CONFIG))
                .because("edge, security and replay know HTTP (and JDBC) only")
                .check(main);
    }

    /**
     * The edge is the innermost of the three: hooks plugs into it ({@code HookEndpoint}), security counts its refusals
     * and sanitises its log lines with it, so it reaches neither.
     */
    @Test
    void theEdgeReachesNeitherSecurityNorReplay() {
        noClasses()
                .that()
                .resideInAPackage(EDGE_PACKAGE)
                .should()
                .dependOnClassesThat(resideInAnyPackage("org.trdcds.security..", "org.trdcds.replay.."))
                .because("security and hooks use the edge's refusal counter and log sanitiser: no cycle")
                .check(main);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.trdcds.(*)..").should().beFreeOfCycles().check(main);
    }

    /** The exceptions are needed, and the rules see a dependency that breaks them. */
    @Test
    void withoutTheirStatedExceptionsTheRulesReportTheDependencies() {
        assertThat(pagesReadFromHooksOnly().evaluate(main).getFailureReport().getDetails())
                .anyMatch(line -> line.contains(Hook.class.getName()));
        assertThat(hooksReadFromSecurityOnly().evaluate(main).getFailureReport().getDetails())
                .anyMatch(line -> line.contains(AuthenticatedClient.class.getName()));
    }

    private static ArchRule pagesReadFromHooksOnly(Class<?>... allowed) {
        return noClasses()
                .that()
                .resideInAPackage(PAGES)
                .should()
                .dependOnClassesThat(resideInAPackage(HOOKS).and(not(belongToAnyOf(allowed))))
                .because("ARCHITECTURE.md: pages also reads hooks.Hook");
    }

    private static ArchRule hooksReadFromSecurityOnly(Class<?>... allowed) {
        return noClasses()
                .that()
                .resideInAPackage(HOOKS)
                .should()
                .dependOnClassesThat(resideInAPackage("org.trdcds.security..").and(not(belongToAnyOf(allowed))))
                .because("ARCHITECTURE.md: hooks reads the caller security authenticated");
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
