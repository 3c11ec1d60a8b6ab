package id.bimtek;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.jpa.repository.Query;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The layout rules of the code (see docs/adr): each holds outright, with no recorded exceptions. */
@AnalyzeClasses(packages = "id.bimtek", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] STAGES = {"id.bimtek.proposal..", "id.bimtek.budget..", "id.bimtek.registration..",
            "id.bimtek.delivery..", "id.bimtek.closing..", "id.bimtek.followup..", "id.bimtek.cancellation..",
            "id.bimtek.instructor..", "id.bimtek.audit..", "id.bimtek.delegation..", "id.bimtek.notification..",
            "id.bimtek.workspace..", "id.bimtek.outcomes..", "id.bimtek.auditor.."};

    /** What every package may use knows nothing of the stages, the gate or the demo. */
    @ArchTest
    static final ArchRule sharedDependsOnNoOtherPackage = noClasses().that().resideInAPackage("id.bimtek.shared..")
            .should().dependOnClassesThat(resideInAPackage("id.bimtek..").and(not(resideInAPackage("id.bimtek.shared.."))));

    /** Web controllers call services: no SQL, no repositories, no engine in a controller. */
    @ArchTest
    static final ArchRule controllersCallServicesOnly = noClasses()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
            .should().dependOnClassesThat(assignableTo(JdbcTemplate.class)
                    .or(assignableTo(org.springframework.data.repository.Repository.class))
                    .or(resideInAPackage("org.camunda..")));

    /** Nothing depends on the demo data. */
    @ArchTest
    static final ArchRule nothingDependsOnTheDemo = noClasses().that(not(resideInAPackage("id.bimtek.demo..")))
            .should().dependOnClassesThat().resideInAPackage("id.bimtek.demo..");

    /** Packages form no cycles: stages below the gate ({@code workflow}), the audit trail below them all. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("id.bimtek.(*)..").should().beFreeOfCycles();

    /** The stages reach the engine only through the gate ({@code workflow}). */
    @ArchTest
    static final ArchRule stagesReachTheEngineThroughTheGate = noClasses()
            .that(resideInAnyPackage(STAGES)).should().dependOnClassesThat().resideInAPackage("org.camunda..");

    /**
     * A repository's queries are written out: Hibernate keeps the plan of a query given as text, while one derived
     * from the method's name reaches it as a criteria tree and is translated again on every call.
     */
    @ArchTest
    static final ArchRule repositoryQueriesAreWrittenOut = methods()
            .that().areDeclaredInClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class)
            .and().areDeclaredInClassesThat().resideInAPackage("id.bimtek..")
            .should().beAnnotatedWith(Query.class);
}
