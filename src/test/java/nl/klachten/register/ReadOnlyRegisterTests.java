package nl.klachten.register;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.filter.AssignableTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-only commands have every repository of the register (issue 15): named in
 * {@link ReadOnlyRegister}'s {@code @Import} instead of scanned for at each start, so a
 * component added to the package without being added there fails here.
 */
class ReadOnlyRegisterTests {

	@Test
	void shouldImportEveryComponentOfTheRegisterPackage() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
		scanner.addExcludeFilter(new AssignableTypeFilter(RegisterConfiguration.class));
		Set<String> scanned = scanner.findCandidateComponents(ReadOnlyRegister.class.getPackageName())
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.collect(Collectors.toSet());
		assertThat(scanned).hasSizeGreaterThan(20);
		assertThat(Arrays.stream(ReadOnlyRegister.class.getAnnotation(Import.class).value()).map(Class::getName))
			.containsExactlyInAnyOrderElementsOf(scanned);
	}

}
