package nl.klachten.intake;

/**
 * What parsing gives: a mail, or the reason it could not be read. Malformed input is a
 * value.
 */
public sealed interface ParseResult {

	record Parsed(InboundMail mail) implements ParseResult {
	}

	record Unparseable(String reason) implements ParseResult {
	}

}
