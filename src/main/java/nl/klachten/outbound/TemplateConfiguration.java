package nl.klachten.outbound;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.core.TemplateClassResolver;
import freemarker.template.TemplateExceptionHandler;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * FreeMarker for mail. Templates are read from the {@code templates/} folder of the
 * working directory (so an operator can edit them) and otherwise from the copy packaged
 * in the jar. {@code .ftlh} files are HTML with auto-escaping, so complainant input
 * cannot inject markup. Templates are edited on the server, so a template must not become
 * code: {@code ?new} may instantiate no class (not
 * {@code freemarker.template.utility.Execute}) and {@code ?api} is off. Public for the
 * command line's read-only context ({@code digest --dry-run}), which imports it.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class TemplateConfiguration {

	@Bean
	Configuration mailTemplates(@Value("${complaints.templates.path:templates}") String path) {
		Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
		List<TemplateLoader> loaders = new ArrayList<>();
		File folder = new File(path);
		if (folder.isDirectory()) {
			try {
				loaders.add(new FileTemplateLoader(folder));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read templates folder", ex);
			}
		}
		loaders.add(new ClassTemplateLoader(TemplateConfiguration.class, "/templates"));
		configuration.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
		configuration.setDefaultEncoding("UTF-8");
		configuration.setLocale(Locale.forLanguageTag("nl-NL"));
		configuration.setRecognizeStandardFileExtensions(true);
		configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
		configuration.setLogTemplateExceptions(false);
		configuration.setFallbackOnNullLoopVariable(false);
		configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
		configuration.setAPIBuiltinEnabled(false);
		return configuration;
	}

}
