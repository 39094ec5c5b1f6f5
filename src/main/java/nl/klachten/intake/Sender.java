package nl.klachten.intake;

import nl.klachten.committee.EmailAddress;

/**
 * A mailbox: display name (may be empty) and address (case folded in ASCII only).
 *
 * @param name the decoded display name, "" when there is none
 * @param address the address as the mail gives it
 * @param strict true only when the mail had exactly one From with exactly one strict
 * {@link EmailAddress} (and no Sender naming someone else): only then is this address a
 * recipient, a committee member or the case's complainant (CONTRACT §5)
 */
public record Sender(String name, String address, boolean strict) {

	public Sender {
		name = name == null ? "" : name.strip();
		address = address == null ? "" : EmailAddress.fold(address.strip());
		strict = strict && EmailAddress.isValid(address);
	}

	/** A sender read from one strict addr-spec: strict when the address is. */
	public Sender(String name, String address) {
		this(name, address, true);
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
