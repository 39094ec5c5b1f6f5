package nl.klachten.cli;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import nl.klachten.Application;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * A wrong configuration value in one line: the key, the value given and what is expected
 * ({@code complaints.terms.handling=banana is not valid: expected a period such as P28D}),
 * for {@code check} and for a start-up that fails on it. Secrets are never repeated.
 * {@link #check} binds every {@code @ConfigurationProperties} record of the application
 * with its validation, as the processor's start does, without starting anything.
 */
final class SettingsProblem {

	private SettingsProblem() {
	}

	/** {@code ok configuration}, or one line per settings record that does not bind. */
	static List<String> check(ConfigurableEnvironment environment) {
		Binder binder = Binder.get(environment);
		List<String> problems = new ArrayList<>();
		try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
			SpringValidatorAdapter validator = new SpringValidatorAdapter(factory.getValidator());
			for (Class<?> type : settingsTypes()) {
				ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
				String prefix = properties.prefix().isEmpty() ? properties.value() : properties.prefix();
				try {
					binder.bindOrCreate(prefix, Bindable.of(type), new ValidationBindHandler(validator));
				}
				catch (RuntimeException ex) {
					problems.add(describe(ex).orElse("the settings under " + prefix + " are not valid ("
							+ ex.getClass().getSimpleName() + "): check the keys " + prefix + ".*"));
				}
			}
		}
		return problems.isEmpty() ? List.of("ok configuration") : problems;
	}

	private static List<Class<?>> settingsTypes() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		List<Class<?>> types = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(Application.class.getPackageName())) {
			types.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), null));
		}
		return types;
	}

	/**
	 * The line for a failure that is a binding or validation failure anywhere in its
	 * chain.
	 */
	static Optional<String> describe(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof BindException bind) {
				return Optional.of(describe(bind));
			}
		}
		return Optional.empty();
	}

	private static String describe(BindException bind) {
		if (bind.getCause() instanceof BindValidationException validation) {
			return validation.getValidationErrors()
				.getAllErrors()
				.stream()
				.map((error) -> invalid(validation.getValidationErrors().getName().toString(), error))
				.distinct()
				.collect(Collectors.joining("; "));
		}
		ConfigurationProperty property = bind.getProperty();
		String key = property == null ? bind.getName().toString() : property.getName().toString();
		Object value = property == null ? null : property.getValue();
		Class<?> target = bind.getTarget().getType().resolve(Object.class);
		if (bind.getCause() instanceof ConversionFailedException conversion && conversion.getTargetType() != null) {
			target = conversion.getTargetType().getType();
		}
		return key + "=" + shown(key, value) + " is not valid: expected " + expected(target);
	}

	private static String invalid(String prefix, ObjectError error) {
		if (error instanceof FieldError field) {
			String key = prefix + "." + dashed(field.getField());
			return key + "=" + shown(key, field.getRejectedValue()) + " is not valid: " + field.getDefaultMessage();
		}
		return "the settings under " + prefix + " are not valid: " + error.getDefaultMessage();
	}

	/**
	 * What a setting of each type looks like, for the one line that names a malformed
	 * value.
	 */
	private static final Map<Class<?>, String> EXAMPLES = Map.ofEntries(
			Map.entry(Period.class, "a period such as P14D, P4W or P12M"),
			Map.entry(Duration.class, "a duration such as 30s, 5m or PT1H"),
			Map.entry(ZoneId.class, "a time zone such as Europe/Amsterdam"),
			Map.entry(DataSize.class, "a size such as 512KB or 25MB"),
			Map.entry(LocalDate.class, "a date such as 2026-12-01"), Map.entry(LocalTime.class, "a time such as 08:00"),
			Map.entry(Boolean.class, "true or false"), Map.entry(boolean.class, "true or false"),
			Map.entry(Integer.class, "a whole number"), Map.entry(int.class, "a whole number"),
			Map.entry(Long.class, "a whole number"), Map.entry(long.class, "a whole number"));

	static String expected(Class<?> type) {
		if (type.isEnum()) {
			return "one of "
					+ Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
		}
		return EXAMPLES.getOrDefault(type, "a value of type " + type.getSimpleName());
	}

	/** The value as given, except a secret's. */
	private static String shown(String key, Object value) {
		String lower = key.toLowerCase(Locale.ROOT);
		if (lower.contains("password") || lower.contains("secret") || lower.contains("token")) {
			return "(hidden)";
		}
		return value == null ? "" : String.valueOf(value);
	}

	private static String dashed(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
