package nl.klachten.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Our RFC 2047 decoder (issue 9): the same text as Mime4J's {@code DecoderUtil} on
 * ordinary input and on every Subject of the MIME corpus, and linear on the inputs that
 * make {@code DecoderUtil} take seconds. The time bound is a hang detector, not a
 * performance figure.
 */
class EncodedWordsTests {

	private static final Duration BOUND = Duration.ofSeconds(5);

	private static final int MEGABYTE = 1 << 20;

	/**
	 * The Subject of hostile/encoded-word-invalid-charset.eml: no word in it can be
	 * decoded.
	 */
	private static final String UNDECODABLE_WORDS = "=?x-no-such-charset?Q?Klacht_=E9?= =?utf-8?X?abc?= =?\"\"?B?SGFsbG8=?=";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'',
			value = { "plain text | plain text", "=?utf-8?q?caf=C3=A9?= | café",
					"=?UTF-8?Q?Klacht_over_levering?= | Klacht over levering", "=?iso-8859-1?q?caf=E9?= | café",
					"=?utf-8?b?S2xhY2h0?= | Klacht", "=?utf-8?B?S2xhY2h0?= =?utf-8?B?IG92ZXI=?= | Klacht over",
					"'=?utf-8?q?a?=   =?utf-8?q?b?=' | ab", "'=?utf-8?q?a?= x =?utf-8?q?b?=' | a x b",
					"'Re: =?utf-8?q?caf=C3=A9?= bon' | Re: café bon", "'=?utf-8?q?a?= =?iso-8859-1?q?=E9?=' | aé",
					"=?x-unknown?q?abc?= | =?x-unknown?q?abc?=", "=?utf-8?x?abc?= | =?utf-8?x?abc?=",
					"=?utf-8?q??= | ''", "'a =?utf-8?q?b' | 'a =?utf-8?q?b'" })
	void shouldDecodeLikeMime4jWhenInputIsOrdinary(String input, String expected) {
		assertThat(EncodedWords.decode(input)).isEqualTo(expected);
		assertThat(EncodedWords.decode(input)).isEqualTo(DecoderUtil.decodeEncodedWords(input, DecodeMonitor.SILENT));
	}

	@Test
	void shouldIgnoreLanguageWhenCharsetHasRfc2231Suffix() {
		assertThat(EncodedWords.decode("=?utf-8*nl?q?Klacht_caf=C3=A9?=")).isEqualTo("Klacht café");
	}

	@Test
	void shouldJoinBytesWhenMultibyteCharacterIsSplitOverTwoWords() {
		String subject = "=?UTF-8?B?S2xhY2h0IG92ZXIgbGV2ZXJpbmcg4oI=?= =?UTF-8?B?rCA2MCB0ZSB2ZWVsIGJldGFhbGQ=?=";
		assertThat(EncodedWords.decode(subject)).isEqualTo("Klacht over levering € 60 te veel betaald");
	}

	@Test
	void shouldKeepRawWordWhenBase64IsBroken() {
		assertThat(EncodedWords.decode("a =?utf-8?b?S2x*!?= b")).isEqualTo("a =?utf-8?b?S2x*!?= b");
	}

	@Test
	void shouldKeepLineBreaksWhenTheyAreEncoded() {
		assertThat(EncodedWords.decode("=?utf-8?q?Storing=0D=0ABcc:_x@evil.example?="))
			.isEqualTo("Storing\r\nBcc: x@evil.example");
	}

	/**
	 * Every Subject of the corpus (src/test/resources/mime/**) decodes as Mime4J decodes
	 * it, except where Mime4J drops the space between two words it could not decode and
	 * so glues raw text together: we keep such words exactly as written.
	 */
	@Test
	void shouldMatchMime4jWhenDecodingEveryCorpusSubject() {
		List<String> subjects = corpusSubjects();
		assertThat(subjects).hasSizeGreaterThan(50);
		for (String subject : subjects) {
			String expected = subject.equals(UNDECODABLE_WORDS) ? subject
					: DecoderUtil.decodeEncodedWords(subject, DecodeMonitor.SILENT);
			String shown = subject.length() > 120 ? subject.substring(0, 120) + "..." : subject;
			assertThat(EncodedWords.decode(subject).equals(expected)).as("same decoding of %s", shown).isTrue();
		}
		assertThat(subjects).contains(UNDECODABLE_WORDS);
	}

	static Stream<Arguments> hostileSubjects() {
		return Stream.of(Arguments.of("1 MB of =?", "=?".repeat(MEGABYTE / 2)),
				Arguments.of("100,000 encoded words", "=?utf-8?q?a?= ".repeat(100_000)),
				Arguments.of("100,000 unknown charsets", "=?x-no?q?a?= ".repeat(100_000)),
				Arguments.of("runs of =?a?", "=?a?".repeat(MEGABYTE / 4)),
				Arguments.of("runs of ?=", "?=".repeat(MEGABYTE / 2)),
				Arguments.of("open word then ?= runs", "=?utf-8?q?" + "?=".repeat(MEGABYTE / 2)),
				Arguments.of("long charset", "=?" + "a".repeat(MEGABYTE) + "?q?x?="),
				Arguments.of("long encoded text", "=?utf-8?b?" + "QUFB".repeat(MEGABYTE / 4) + "?="));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileSubjects")
	void shouldDecodeInBoundedTimeWhenSubjectIsHostile(String name, String subject) {
		long started = System.nanoTime();
		assertTimeoutPreemptively(BOUND, () -> EncodedWords.decode(subject));
		System.out.printf("EncodedWords %s: %d ms%n", name, (System.nanoTime() - started) / 1_000_000);
	}

	private static List<String> corpusSubjects() {
		List<String> subjects = new ArrayList<>();
		for (String file : MimeCorpus.files()) {
			String head = headerBlock(MimeCorpus.bytes(file));
			String[] lines = head.split("\r?\n");
			for (int i = 0; i < lines.length; i++) {
				if (lines[i].regionMatches(true, 0, "Subject:", 0, 8)) {
					StringBuilder value = new StringBuilder(lines[i].substring(8));
					while (i + 1 < lines.length && (lines[i + 1].startsWith(" ") || lines[i + 1].startsWith("\t"))) {
						value.append(lines[++i]);
					}
					subjects.add(value.toString().strip());
				}
			}
		}
		return subjects;
	}

	private static String headerBlock(byte[] mail) {
		int limit = Math.min(mail.length, 64 * 1024);
		String start = new String(mail, 0, limit, StandardCharsets.ISO_8859_1);
		int end = start.indexOf("\n\n");
		int crlf = start.indexOf("\r\n\r\n");
		int cut = (end < 0) ? crlf : (crlf < 0 ? end : Math.min(end, crlf));
		return cut < 0 ? start : start.substring(0, cut);
	}

}
