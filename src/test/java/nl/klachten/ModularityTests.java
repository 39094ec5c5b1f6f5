package nl.klachten;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of STYLE.md §2 and docs/architecture.md: layers that only point down,
 * no cycles, SQL only in the register, parsing free of the mail frameworks.
 */
class ModularityTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("nl.klachten");

	/**
	 * Every package and the packages it may use: the layers of docs/architecture.md, top
	 * to bottom. The entry points ({@code cli}, {@code pipeline}) use capabilities; a
	 * capability uses those listed below it, the register and the shared kernel
	 * ({@code committee}); the register uses only the kernel; the kernel uses nothing of
	 * ours. A new package must be placed here.
	 */
	private static final Map<String, Set<String>> ALLOWED = allowed();

	private static Map<String, Set<String>> allowed() {
		Map<String, Set<String>> allowed = new LinkedHashMap<>();
		Set<String> capabilities = Set.of("intake", "metrics", "deadlines", "commands", "appeals", "threading",
				"outbound", "mailbox", "config", "register", "committee");
		allowed.put("cli", capabilities);
		allowed.put("pipeline", capabilities);
		allowed.put("intake",
				Set.of("commands", "appeals", "threading", "outbound", "mailbox", "register", "committee"));
		allowed.put("metrics", Set.of("deadlines", "outbound", "mailbox", "register", "committee"));
		allowed.put("deadlines", Set.of("commands", "outbound", "mailbox", "register", "committee"));
		allowed.put("commands", Set.of("appeals", "threading", "outbound", "register", "committee"));
		allowed.put("appeals", Set.of("outbound", "register", "committee"));
		allowed.put("threading", Set.of("register", "committee"));
		allowed.put("outbound", Set.of("mailbox", "register", "committee"));
		allowed.put("mailbox", Set.of("register", "committee"));
		allowed.put("config", Set.of("committee"));
		allowed.put("register", Set.of("committee"));
		allowed.put("committee", Set.of());
		return allowed;
	}

	static Stream<String> packages() {
		return ALLOWED.keySet().stream();
	}

	@ParameterizedTest
	@MethodSource("packages")
	void shouldUseOnlyTheLayersBelowWhenPackageIsListed(String name) {
		String[] forbidden = ALLOWED.keySet()
			.stream()
			.filter((other) -> !other.equals(name) && !ALLOWED.get(name).contains(other))
			.map((other) -> "nl.klachten." + other + "..")
			.toArray(String[]::new);
		noClasses().that()
			.resideInAPackage("nl.klachten." + name + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(forbidden)
			.because("docs/architecture.md: " + name + " may use " + new TreeSet<>(ALLOWED.get(name)))
			.allowEmptyShould(true)
			.check(CLASSES);
	}

	/**
	 * A package that is not in the table has no place in the layers yet: the test says
	 * so.
	 */
	@Test
	void shouldPlaceEveryPackageInTheLayers() {
		Set<String> found = new TreeSet<>();
		for (JavaClass type : CLASSES) {
			String name = type.getPackageName();
			if (name.startsWith("nl.klachten.")) {
				found.add(name.substring("nl.klachten.".length()).split("\\.")[0]);
			}
		}
		assertThat(found).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
	}

	/**
	 * The Spring configuration at the root knows no capability by name, and only the
	 * command line, which holds {@code main}, starts it: no whitelist, no cycle through
	 * the root.
	 */
	@Test
	void shouldStartApplicationOnlyFromCommandLine() {
		noClasses().that()
			.resideOutsideOfPackage("nl.klachten.cli..")
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(Application.class)
			.check(CLASSES);
		noClasses().that()
			.resideInAPackage("nl.klachten")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("nl.klachten.(*)..")
			.check(CLASSES);
	}

	/** No cycle between any two packages, subpackages included (issue 14). */
	@Test
	void shouldKeepPackagesFreeOfCycles() {
		slices().matching("nl.klachten.(**)").should().beFreeOfCycles().check(CLASSES);
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
