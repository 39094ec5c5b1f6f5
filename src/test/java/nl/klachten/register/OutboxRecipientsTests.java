package nl.klachten.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Outbox recipients (issue 9): one strict address a line, never a comma list that splits
 * into more.
 */
class OutboxRecipientsTests {

	@Test
	void shouldWriteOneAddressALineWhenRecipientsAreStrict() {
		assertThat(Outbox.recipientLines(List.of("NCJansen@klikklaar.com", "jan@example.org")))
			.isEqualTo("NCJansen@klikklaar.com\njan@example.org");
	}

	@Test
	void shouldRefuseWhenARecipientCouldBeMoreThanOne() {
		for (String hostile : List.of("kenny@klikklaar.com,x@evil.example", "\"kenny@klikklaar.com,x\"@evil.example",
				"a@example.org\nb@example.org", "=?utf-8?q?a@example.org?=", "")) {
			assertThatThrownBy(() -> Outbox.recipientLines(List.of(hostile))).as(hostile)
				.isInstanceOf(IllegalArgumentException.class);
		}
		assertThatThrownBy(() -> Outbox.recipientLines(List.of())).isInstanceOf(IllegalArgumentException.class);
	}

}
