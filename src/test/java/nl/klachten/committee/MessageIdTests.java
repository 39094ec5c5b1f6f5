package nl.klachten.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 5322 msg-id syntax (issue 9): an id is copied into our own In-Reply-To and
 * References, so anything that could carry a line break, a space or a second header is no
 * id (CONTRACT §4, R9).
 */
class MessageIdTests {

	@ParameterizedTest(name = "[{0}]")
	@CsvSource(delimiter = '|', value = { "<abc@example.org>                          | abc@example.org",
			"  <abc@example.org>  | abc@example.org", "<abc@example.org> (sent by webmail)        | abc@example.org",
			"1a2b3c4d.5e6f@webform.example.com          | 1a2b3c4d.5e6f@webform.example.com",
			"<000a01dc8a1f$5b2e9c40$118bd4c0$@example.com> | 000a01dc8a1f$5b2e9c40$118bd4c0$@example.com",
			"<CAH2x=Vb1-dutch-labels@mail.example.org>  | CAH2x=Vb1-dutch-labels@mail.example.org",
			"<UPPER-CASE@EXAMPLE.ORG>                   | UPPER-CASE@EXAMPLE.ORG",
			"<x@[127.0.0.1]>                            | x@[127.0.0.1]" })
	void shouldReadIdWhenMessageIdIsValid(String header, String id) {
		assertThat(MessageId.parse(header)).map(MessageId::value).hasValue(id);
	}

	@ParameterizedTest(name = "[{0}]")
	@ValueSource(strings = { "", " ", "<>", "<@>", "<abc>", "abc", "<abc@>", "<@example.org>", "<a@b@c>",
			"<a b@example.org>", "<a@example.org> <b@example.org>", "<a@example.org",
			"=?us-ascii?q?<x@y>=0D=0AReply-To:_evil@x?=", "<x@y>=0D=0AReply-To: evil@x", "<x@y\r\nReply-To: evil@x>",
			"<x@y\u0000>", "<x@y\t>", "<x\u00e9@example.org>", "<x@example.org\u2028>", "<\"x\"@example.org>",
			"<x\\@example.org>", "<x,y@example.org>", "<(x)@example.org>" })
	void shouldGiveNoIdWhenMessageIdIsInvalid(String header) {
		assertThat(MessageId.parse(header)).isEmpty();
	}

	@Test
	void shouldGiveNoIdWhenMessageIdIsLongerThanTheLimit() {
		String left = "a".repeat(MessageId.MAX_LENGTH - "@example.org".length());

		assertThat(MessageId.parse("<" + left + "@example.org>")).isPresent();
		assertThat(MessageId.parse("<" + left + "a@example.org>")).isEmpty();
	}

	@Test
	void shouldKeepValidIdsAndDropTheRestWhenReferencesMixThem() {
		String references = "<one@example.org> junk <two words@example.org> <=?utf-8?q?x?=@ok.example> "
				+ "<th\u00e9@example.org>\t<three@example.org> (comment <four@example.org>) <one@example.org> <broken";

		assertThat(MessageId.parseList(references)).map(MessageId::value)
			.containsExactly("one@example.org", "three@example.org", "four@example.org");
	}

	@Test
	void shouldReadOnlyTheInnerIdWhenBracketsNest() {
		assertThat(MessageId.parseList("<<inner@example.org>>")).map(MessageId::value)
			.containsExactly("inner@example.org");
		assertThat(MessageId.parseList("=?us-ascii?q?<x@y>=0D=0AReply-To:_evil@x?=")).map(MessageId::value)
			.containsExactly("x@y");
		assertThat(MessageId.parseList(null)).isEqualTo(List.of());
	}

	@Test
	void shouldNeverPrintTheIdWhenLogged() {
		assertThat(new MessageId("secret@example.org").toString()).doesNotContain("secret");
	}

	@ParameterizedTest(name = "[{0}]")
	@ValueSource(strings = { "", " ", "abc", "<abc@example.org>", "a b@example.org", "x@y\r\nBcc: evil@x",
			"x\u00e9@example.org" })
	void shouldKeepStoredTextWhenRegisterHoldsAnIdTheRulesRefuse(String stored) {
		MessageId id = MessageId.stored(stored);

		assertThat(id.value()).isEqualTo(stored);
		assertThat(id.wellFormed()).isFalse();
		assertThat(id).isEqualTo(MessageId.stored(stored)).hasSameHashCodeAs(MessageId.stored(stored));
		assertThat(id).hasToString("MessageId[redacted]");
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageId(stored));
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageId(stored, true));
	}

	@Test
	void shouldEqualStrictIdWhenStoredIdIsValid() {
		assertThat(MessageId.stored("abc@example.org")).isEqualTo(new MessageId("abc@example.org"))
			.matches(MessageId::wellFormed);
		assertThat(MessageId.stored(null)).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageId("abc@example.org", false));
	}

	@Test
	void shouldKeepOnlyValidIdsWhenTextsAreTyped() {
		assertThat(MessageId.valid(List.of("a@example.org", "no id", "", "b@example.org"))).map(MessageId::value)
			.containsExactly("a@example.org", "b@example.org");
	}

}
