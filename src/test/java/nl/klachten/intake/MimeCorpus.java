package nl.klachten.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The MIME corpus under {@code src/test/resources/mime/}: lists the files by walking the
 * classpath directory, reads their bytes, and parses them.
 */
final class MimeCorpus {

	static final String ROOT = "/mime";

	/**
	 * Files that are deliberately not mail, so they cannot carry an X-Corpus-Note header.
	 */
	static final Set<String> HEADERLESS = Set.of("broken/garbage-bytes.eml", "broken/not-mime-plain-text.eml");

	private static final Pattern UNSAFE_NAME = Pattern.compile("[/\\\\\\p{Cntrl}]");

	private MimeCorpus() {
	}

	/**
	 * The category of hostile mails, whose expectations live in {@link HostileMailTable}.
	 */
	static final String HOSTILE = "hostile/";

	private static final String RECIPE = ".eml.gen";

	/**
	 * Every {@code .eml} file and every {@code .eml.gen} recipe ({@link MailRecipe}), as
	 * a path relative to the corpus root with '/' separators.
	 */
	static List<String> files() {
		Path root = root();
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(Files::isRegularFile)
				.filter((path) -> path.getFileName().toString().endsWith(".eml")
						|| path.getFileName().toString().endsWith(RECIPE))
				.map((path) -> root.relativize(path).toString().replace('\\', '/'))
				.sorted()
				.collect(Collectors.toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The mail a corpus file holds: the file itself, or the expanded recipe. */
	static byte[] bytes(String file) {
		byte[] source = source(file);
		return isRecipe(file) ? MailRecipe.expand(source) : source;
	}

	static boolean isRecipe(String file) {
		return file.endsWith(RECIPE);
	}

	/**
	 * The bytes as committed: for a recipe, the recipe rather than the mail it expands
	 * to.
	 */
	static byte[] source(String file) {
		try (InputStream in = MimeCorpus.class.getResourceAsStream(ROOT + "/" + file)) {
			assertThat(in).as("corpus file %s", file).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ParseResult parse(String file) {
		return new MimeParser().parse(bytes(file));
	}

	/** The parsed mail; fails the test when the file is unparseable. */
	static InboundMail parsed(String file) {
		ParseResult result = parse(file);
		assertThat(result).as("parse result of %s", file).isInstanceOf(ParseResult.Parsed.class);
		return ((ParseResult.Parsed) result).mail();
	}

	/**
	 * No path separator, no control character, not empty, not a dot-only directory name.
	 */
	static boolean isSafeFileName(String name) {
		return name != null && !name.isBlank() && !UNSAFE_NAME.matcher(name).find() && !name.matches("\\.+")
				&& name.length() <= 255;
	}

	private static Path root() {
		URL url = MimeCorpus.class.getResource(ROOT);
		assertThat(url).as("corpus directory %s on the test classpath", ROOT).isNotNull();
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
