package nl.klachten.intake;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** One row per ignore rule of CONTRACT §4, negative rows included. */
class IgnoreRulesTests {

	private final MimeParser parser = new MimeParser();

	@ParameterizedTest(name = "{0} -> {2}")
	@CsvSource(delimiter = '|', nullValues = "NONE",
			textBlock = """
					Auto-Submitted: auto-replied                  | Klager <klager@example.org> | auto-submitted
					Auto-Submitted: auto-generated                | Klager <klager@example.org> | auto-submitted
					Auto-Submitted: Auto-Replied; owner-email=x   | Klager <klager@example.org> | auto-submitted
					Auto-Submitted: no                            | Klager <klager@example.org> | NONE
					Auto-Submitted:  NO                           | Klager <klager@example.org> | NONE
					Precedence: bulk                              | Klager <klager@example.org> | precedence
					Precedence: junk                              | Klager <klager@example.org> | precedence
					Precedence: list                              | Klager <klager@example.org> | precedence
					Precedence: auto_reply                        | Klager <klager@example.org> | precedence
					Precedence: BULK                              | Klager <klager@example.org> | precedence
					Precedence: normal                            | Klager <klager@example.org> | NONE
					X-Autoreply: yes                              | Klager <klager@example.org> | autoreply-header
					X-Autorespond: on                             | Klager <klager@example.org> | autoreply-header
					List-Id: <klanten.lists.example.org>          | Klager <klager@example.org> | mailing-list
					Return-Path: <>                               | Klager <klager@example.org> | null-return-path
					Return-Path: <klager@example.org>             | Klager <klager@example.org> | NONE
					X-Nothing: here                               | MAILER-DAEMON@mx.example.org | mailer-daemon
					X-Nothing: here                               | Mail Delivery System <mailer-daemon@mx.example.org> | mailer-daemon
					X-Nothing: here                               | postmaster@example.org       | mailer-daemon
					X-Nothing: here                               | Postmaster <Postmaster@example.org> | mailer-daemon
					X-Nothing: here                               | postmaster-fan@example.org   | NONE
					X-Nothing: here                               | Klager <klager@example.org>  | NONE
					""")
	void shouldIgnoreWhenHeaderOrSenderMarksMailAutomatic(String header, String from, String expected) {
		String raw = "From: " + from
				+ "\r\nTo: NCJansen@klikklaar.com\r\nSubject: Test\r\nMessage-ID: <a@example.org>\r\n" + header
				+ "\r\n\r\nIk heb een klacht.\r\n";
		assertThat(IgnoreRules.reason(parse(raw))).isEqualTo(Optional.ofNullable(expected));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
			multipart/report; report-type=delivery-status; boundary="b" | delivery-report
			multipart/mixed; boundary="b"                               | NONE
			""")
	void shouldIgnoreDeliveryReportsWhenTopLevelTypeIsMultipartReport(String contentType, String expected) {
		String raw = "From: Klager <klager@example.org>\r\nTo: NCJansen@klikklaar.com\r\nSubject: Undelivered\r\n"
				+ "MIME-Version: 1.0\r\nContent-Type: " + contentType
				+ "\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
				+ "Delivery failed.\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n"
				+ "--b--\r\n";
		assertThat(IgnoreRules.reason(parse(raw))).isEqualTo(Optional.ofNullable(expected));
	}

	private InboundMail parse(String raw) {
		ParseResult result = this.parser.parse(raw.getBytes(StandardCharsets.UTF_8));
		assertThat(result).isInstanceOf(ParseResult.Parsed.class);
		return ((ParseResult.Parsed) result).mail();
	}

}
