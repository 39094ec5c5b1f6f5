package nl.klachten;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.ContextConfiguration;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the test split honest (STYLE.md §4 and §10): Surefire ({@code mvn test}) runs the
 * unit tests, Failsafe ({@code mvn verify}) the tests named {@code *IntegrationTests} or
 * {@code *IT}. A test that starts a mail server or a Spring test context under another
 * name would land in the quick run unseen, so the build fails on it here. What the class
 * files cannot show, the application started through the command line,
 * {@link UnitTestGuard} refuses at run time.
 */
class TestSplitTests {

	private static final JavaClasses TESTS = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
		.importPackages("nl.klachten");

	/**
	 * GreenMail, the processor's embedded server, the tests' own servers, and a Spring
	 * Boot start by hand.
	 */
	private static final List<String> SERVERS = List.of("nl.klachten.mailbox.EmbeddedMailServer",
			"nl.klachten.pipeline.RefusingSmtpServer", "nl.klachten.mailbox.FaultyImapProxy",
			"nl.klachten.crash.FuzzServers", "nl.klachten.crash.CrashHarness", "nl.klachten.realstack.RealServers",
			"org.springframework.boot.SpringApplication", "org.springframework.boot.builder.SpringApplicationBuilder");

	@Test
	void shouldStartNoMailServerInAUnitTest() {
		noClasses().that(runBySurefire())
			.should()
			.dependOnClassesThat(mailServers())
			.because("a test with a mail server is named *IntegrationTests and runs in failsafe")
			.check(TESTS);
	}

	@Test
	void shouldStartNoSpringTestContextInAUnitTest() {
		classes().that(runBySurefire())
			.should(startNoSpringTestContext())
			.because("a test with a Spring context is named *IntegrationTests and runs in failsafe")
			.check(TESTS);
	}

	/**
	 * Each test stands alone (issue 14): a scenario in steps is one test calling its
	 * steps in order, not test methods that need JUnit to keep theirs. With two Failsafe
	 * JVMs a hidden order dependency would also be a flaky one.
	 */
	@Test
	void shouldLeaveNoTestDependingOnTheOrderOfItsMethods() {
		noClasses().should()
			.beAnnotatedWith(org.junit.jupiter.api.TestMethodOrder.class)
			.because("a test that needs another to run first fails when run alone")
			.check(TESTS);
	}

	@Test
	void shouldTellUnitTestsFromIntegrationTestsByName() {
		assertThat(UnitTestGuard.isIntegrationTest("nl.klachten.pipeline.IntakeIntegrationTests")).isTrue();
		assertThat(UnitTestGuard.isIntegrationTest("nl.klachten.crash.CrashRecoveryIT")).isTrue();
		assertThat(UnitTestGuard.isIntegrationTest("nl.klachten.cli.ShowCommandTests")).isFalse();
	}

	/**
	 * The classes Surefire picks by its default name patterns, less what this build
	 * leaves to Failsafe.
	 */
	private static DescribedPredicate<JavaClass> runBySurefire() {
		return describe("are run by surefire", (type) -> {
			JavaClass top = topLevel(type);
			String name = top.getSimpleName();
			boolean unitName = name.startsWith("Test") || name.endsWith("Test") || name.endsWith("Tests")
					|| name.endsWith("TestCase");
			return unitName && !UnitTestGuard.isIntegrationTest(name)
					&& !top.getModifiers().contains(JavaModifier.ABSTRACT);
		});
	}

	private static JavaClass topLevel(JavaClass type) {
		JavaClass top = type;
		while (top.getEnclosingClass().isPresent()) {
			top = top.getEnclosingClass().get();
		}
		return top;
	}

	private static DescribedPredicate<JavaClass> mailServers() {
		return describe("start a mail server or the application",
				(type) -> type.getPackageName().startsWith("com.icegreen.greenmail")
						|| SERVERS.contains(type.getName()));
	}

	/**
	 * {@code @SpringBootTest}, {@code @SpringIntegrationTest} and the like, also from a
	 * superclass.
	 */
	private static ArchCondition<JavaClass> startNoSpringTestContext() {
		return new ArchCondition<>("start no Spring test context") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				MergedAnnotations annotations = MergedAnnotations.from(type.reflect(), SearchStrategy.TYPE_HIERARCHY);
				boolean context = annotations.isPresent(SpringBootTest.class)
						|| annotations.isPresent(BootstrapWith.class)
						|| annotations.isPresent(ContextConfiguration.class);
				if (context) {
					events.add(SimpleConditionEvent.violated(type, type.getName() + " starts a Spring test context"));
				}
			}
		};
	}

}
