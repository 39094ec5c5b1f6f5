package nl.klachten.intake;

import java.util.Locale;

/** A mailbox: display name (may be empty) and address (lower-cased for comparison). */
public record Sender(String name, String address) {

	public Sender {
		name = name == null ? "" : name.strip();
		address = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
	}

	public String domain() {
		int at = this.address.lastIndexOf('@');
		return at < 0 ? "" : this.address.substring(at + 1);
	}

	@Override
	public String toString() {
		return "Sender[redacted]";
	}

}
