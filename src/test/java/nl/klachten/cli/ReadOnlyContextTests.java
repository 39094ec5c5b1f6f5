package nl.klachten.cli;

import java.util.stream.Collectors;
import java.util.Set;

import nl.klachten.Application;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin commands bind the same settings records as the processor (CONTRACT §3), named
 * in {@link ReadOnlyContext#SETTINGS} instead of scanned at every start (issue 15): a
 * record added to the application without being added there fails here.
 */
class ReadOnlyContextTests {

	@Test
	void shouldNameEverySettingsRecordThatTheProcessorsScanFinds() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		Set<String> scanned = scanner.findCandidateComponents(Application.class.getPackageName())
			.stream()
			.map((candidate) -> candidate.getBeanClassName())
			.collect(Collectors.toSet());
		assertThat(scanned).hasSizeGreaterThan(10);
		assertThat(ReadOnlyContext.SETTINGS.stream().map(Class::getName)).containsExactlyInAnyOrderElementsOf(scanned);
	}

}
