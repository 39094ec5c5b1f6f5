package nl.klachten;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of STYLE.md §2: capabilities depend on the register, not the other way round;
 * nothing depends on the pipeline or the command line; SQL stays in the register.
 */
class ModularityTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("nl.klachten");

	@Test
	void shouldKeepRegisterFreeOfOtherCapabilities() {
		noClasses().that()
			.resideInAPackage("nl.klachten.register..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("nl.klachten.intake..", "nl.klachten.mailbox..", "nl.klachten.outbound..",
					"nl.klachten.threading..", "nl.klachten.pipeline..", "nl.klachten.cli..")
			.check(CLASSES);
	}

	@Test
	void shouldNotDependOnPipelineOrCliFromCapabilities() {
		noClasses().that()
			.resideOutsideOfPackages("nl.klachten.pipeline..", "nl.klachten.cli..")
			.and()
			.doNotHaveFullyQualifiedName(Application.class.getName())
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("nl.klachten.pipeline..", "nl.klachten.cli..")
			.check(CLASSES);
	}

	/**
	 * No cycle between the top-level packages (issue 14): the last one, intake → commands → appeals
	 * → outbound → mailbox → intake, was closed by the mailbox reading intake's settings.
	 */
	@Test
	void shouldKeepPackagesFreeOfCycles() {
		slices().matching("nl.klachten.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void shouldKeepMailboxFreeOfIntake() {
		noClasses().that()
			.resideInAPackage("nl.klachten.mailbox..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("nl.klachten.intake..", "nl.klachten.commands..", "nl.klachten.appeals..",
					"nl.klachten.outbound..", "nl.klachten.threading..")
			.check(CLASSES);
	}

	@Test
	void shouldKeepSqlInsideRegister() {
		noClasses().that()
			.resideOutsideOfPackage("nl.klachten.register..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
			.check(CLASSES);
	}

	@Test
	void shouldKeepParsingFreeOfMailFrameworks() {
		noClasses().that()
			.haveSimpleNameStartingWith("MimeParser")
			.or()
			.haveSimpleName("IgnoreRules")
			.or()
			.haveSimpleName("RegisterFields")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.mail..", "org.springframework.messaging..")
			.check(CLASSES);
	}

}
