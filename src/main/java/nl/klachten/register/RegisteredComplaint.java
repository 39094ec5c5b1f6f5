package nl.klachten.register;

/** A case as other capabilities refer to it. */
public record RegisteredComplaint(long id, ReferenceNumber reference, String complainantEmail) {

	@Override
	public String toString() {
		return "RegisteredComplaint[" + this.reference + "]";
	}

}
