package nl.klachten.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Property-based fuzzing of {@link MimeParser} (issue 9): mails built from a MIME grammar
 * with hostile pieces, and corpus mails with random byte mutations, always give a clear
 * outcome and never hang. The number of tries is {@code jqwik.tries.default} (pom.xml,
 * scripts/fuzz).
 */
class MimeFuzzTests {

	private static final Duration HANG_BOUND = Duration.ofSeconds(10);

	private static final List<String> HEADER_NAMES = List.of("From", "To", "Cc", "Subject", "Message-ID", "In-Reply-To",
			"References", "Date", "Return-Path", "Content-Type", "Content-Transfer-Encoding", "Content-Disposition",
			"MIME-Version", "Authentication-Results", "X-Corpus-Note", "Received");

	private static final List<String> CHARSETS = List.of("utf-8", "UTF-8", "iso-8859-1", "windows-1252", "utf-16",
			"utf-16be", "IBM037", "us-ascii", "", "\"\"", "\"utf-8\"", "x-unknown", "gb2312", "utf-7", "latin1");

	private static final List<String> ENCODINGS = List.of("7bit", "8bit", "binary", "base64", "quoted-printable",
			"x-uuencode", "", "BASE64", "Quoted-Printable");

	@Property
	void shouldGiveAClearOutcomeWhenMailIsBuiltFromTheGrammar(@ForAll("grammarMails") byte[] raw) {
		assertClearOutcome(raw);
	}

	@Property
	void shouldGiveAClearOutcomeWhenCorpusMailIsMutated(@ForAll("mutatedMails") byte[] raw) {
		assertClearOutcome(raw);
	}

	@Property
	void shouldGiveAClearOutcomeWhenInputIsRandomBytes(@ForAll("randomBytes") byte[] raw) {
		assertClearOutcome(raw);
	}

	private static void assertClearOutcome(byte[] raw) {
		ParseResult result = assertTimeoutPreemptively(HANG_BOUND, () -> new MimeParser().parse(raw));

		assertThat(result).isNotNull();
		if (result instanceof ParseResult.Parsed parsed) {
			assertThat(parsed.mail().text()).isNotNull();
			assertThat(parsed.mail().subject()).isNotNull();
			assertThat(parsed.mail().attachments()).allSatisfy((a) -> assertThat(a.content()).isNotNull());
		}
		else {
			assertThat(((ParseResult.Unparseable) result).reason()).isNotBlank();
		}
	}

	@Provide
	Arbitrary<byte[]> grammarMails() {
		return Combinators.combine(headers(), body()).as((headers, body) -> latin1(headers + "\r\n" + body));
	}

	@Provide
	Arbitrary<byte[]> randomBytes() {
		return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
	}

	@Provide
	Arbitrary<byte[]> mutatedMails() {
		List<byte[]> seeds = MimeCorpus.files()
			.stream()
			.filter((file) -> !MimeCorpus.isRecipe(file))
			.map(MimeCorpus::bytes)
			.filter((bytes) -> bytes.length < 20_000)
			.toList();
		Arbitrary<Mutation> mutation = Combinators
			.combine(Arbitraries.integers().between(0, 4), Arbitraries.doubles().between(0, 1),
					Arbitraries.integers().between(1, 64),
					Arbitraries.of("\r\n", "\n", "\r", "\0", "--", "=?", "?=", "\r\n\r\n", "=\r\n", "\"", ";",
							"\u00ff"))
			.as(Mutation::new);
		return Combinators.combine(Arbitraries.of(seeds), mutation.list().ofMinSize(1).ofMaxSize(8))
			.as(MimeFuzzTests::mutate);
	}

	private record Mutation(int kind, double where, int length, String insert) {
	}

	private static byte[] mutate(byte[] seed, List<Mutation> mutations) {
		StringBuilder mail = new StringBuilder(new String(seed, StandardCharsets.ISO_8859_1));
		for (Mutation m : mutations) {
			int at = (int) (m.where() * mail.length());
			int end = Math.min(mail.length(), at + m.length());
			switch (m.kind()) {
				case 0 -> mail.insert(at, m.insert());
				case 1 -> mail.delete(at, end);
				case 2 -> mail.insert(at, mail.substring(at, end).repeat(m.length()));
				case 3 -> {
					for (int i = at; i < end; i++) {
						mail.setCharAt(i, (char) (mail.charAt(i) ^ (1 << (i % 8))));
					}
				}
				default -> mail.setLength(at);
			}
		}
		return latin1(mail.toString());
	}

	private static Arbitrary<String> headers() {
		Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(HEADER_NAMES),
				Arbitraries.strings().withCharRange('!', '~').excludeChars(':').ofMinLength(1).ofMaxLength(12));
		Arbitrary<String> header = Combinators.combine(name, headerValue()).as((n, v) -> n + ": " + v + "\r\n");
		return header.list().ofMaxSize(12).map((list) -> String.join("", list));
	}

	private static Arbitrary<String> headerValue() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(60).map(MimeFuzzTests::utf8AsLatin1),
				Arbitraries.strings().withChars("\r\n\t =?<>@,;:\"\\()QB_").ofMaxLength(40), encodedWord(), address(),
				encodedWord().list().ofMaxSize(5).map((words) -> String.join(" ", words)),
				Arbitraries.bytes()
					.array(byte[].class)
					.ofMaxSize(40)
					.map((b) -> new String(b, StandardCharsets.ISO_8859_1)),
				Arbitraries.strings().withChars(" \t").ofMaxLength(300).map((spaces) -> "a" + spaces + "b"));
	}

	private static Arbitrary<String> encodedWord() {
		Arbitrary<String> text = Arbitraries.strings().withCharRange('!', '~').excludeChars('?').ofMaxLength(30);
		return Combinators
			.combine(Arbitraries.of(CHARSETS), Arbitraries.of("Q", "B", "q", "b", "X", ""), text,
					Arbitraries.of("?=", "", "?", "=?"))
			.as((charset, enc, t, end) -> "=?" + charset + "?" + enc + "?" + t + end);
	}

	private static Arbitrary<String> address() {
		Arbitrary<String> local = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
				Arbitraries.of("\"kenny@klikklaar.com,x\"", "kenny", "\u212Aenny", "=?UTF-8?Q?kenny?=", ""));
		Arbitrary<String> domain = Arbitraries.of("example.org", "klikklaar.com", "example.com", "", "[127.0.0.1]");
		return Combinators
			.combine(Arbitraries.of("", "Piet ", "\"Jansen, Piet\" ", "=?UTF-8?Q?K_<x@y>?= "), local, domain,
					Arbitraries.of("", ", ", ";", " (c)"))
			.as((name, l, d, tail) -> name + "<" + l + "@" + d + ">" + tail);
	}

	private static Arbitrary<String> body() {
		return Arbitraries.frequencyOf(Tuple.of(3, leafBody()), Tuple.of(2, tree(3)), Tuple.of(1, deepChain()));
	}

	private static Arbitrary<String> leafBody() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200).map(MimeFuzzTests::utf8AsLatin1),
				Arbitraries.strings().withChars("=\r\nAZaz09+/ ").ofMaxLength(200),
				Arbitraries.bytes()
					.array(byte[].class)
					.ofMaxSize(200)
					.map((b) -> new String(b, StandardCharsets.ISO_8859_1)));
	}

	private static Arbitrary<String> part(Arbitrary<String> content) {
		Arbitrary<String> type = Arbitraries.of("text/plain", "text/html", "application/pdf", "message/rfc822",
				"multipart/mixed", "image/png", "", "text/");
		return Combinators.combine(type, Arbitraries.of(CHARSETS), Arbitraries.of(ENCODINGS), content)
			.as((t, charset, cte, c) -> "Content-Type: " + t + "; charset=" + charset + "; name=\"../x\u00e9.pdf\"\r\n"
					+ "Content-Transfer-Encoding: " + cte + "\r\n\r\n" + c);
	}

	private static Arbitrary<String> boundary() {
		return Arbitraries.oneOf(Arbitraries.strings().withCharRange('0', 'z').ofMinLength(1).ofMaxLength(80),
				Arbitraries.of("", "a", "--", " ", "=_"));
	}

	/** A multipart tree up to {@code depth} levels, a few parts per level. */
	private static Arbitrary<String> tree(int depth) {
		Arbitrary<String> child = (depth == 0) ? part(leafBody())
				: Arbitraries.lazy(() -> Arbitraries.oneOf(part(leafBody()), tree(depth - 1).map((t) -> t)));
		return Combinators
			.combine(boundary(), Arbitraries.of("mixed", "alternative", "related", "digest", "report"),
					child.list().ofMaxSize(4), Arbitraries.of(true, false))
			.as((b, subtype, parts, closed) -> multipart(b, subtype, parts, closed));
	}

	private static String multipart(String boundary, String subtype, List<String> parts, boolean closed) {
		StringBuilder mail = new StringBuilder(
				"Content-Type: multipart/" + subtype + "; boundary=\"" + boundary + "\"\r\n\r\npreamble\r\n");
		parts.forEach((p) -> mail.append("--").append(boundary).append("\r\n").append(p).append("\r\n"));
		return mail.append(closed ? "--" + boundary + "--\r\n" : "").toString();
	}

	/**
	 * One child per level, up to 300 levels: multipart/mixed and message/rfc822 mixed at
	 * random.
	 */
	private static Arbitrary<String> deepChain() {
		return Combinators.combine(Arbitraries.integers().between(1, 300), Arbitraries.of(true, false), leafBody())
			.as((depth, rfc822, leaf) -> {
				StringBuilder open = new StringBuilder();
				StringBuilder close = new StringBuilder();
				for (int i = 0; i < depth; i++) {
					if (rfc822 && i % 2 == 1) {
						open.append("Content-Type: message/rfc822\r\n\r\nSubject: ").append(i).append("\r\n");
					}
					else {
						open.append("Content-Type: multipart/mixed; boundary=\"n")
							.append(i)
							.append("\"\r\n\r\n--n")
							.append(i)
							.append("\r\n");
						close.insert(0, "\r\n--n" + i + "--");
					}
				}
				return open + "Content-Type: text/plain\r\n\r\n" + leaf + close;
			});
	}

	private static String utf8AsLatin1(String text) {
		return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	private static byte[] latin1(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
