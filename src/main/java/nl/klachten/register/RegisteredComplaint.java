package nl.klachten.register;

/**
 * A case as other capabilities refer to it: id, reference, the complainant's address and
 * the status.
 */
public record RegisteredComplaint(long id, ReferenceNumber reference, String complainantEmail, Status status) {

	/** The status of CONTRACT §6. */
	public enum Status {

		IN_BEHANDELING, AFGEHANDELD, INGETROKKEN;

		public String column() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static Status of(String column) {
			return valueOf(column.toUpperCase(java.util.Locale.ROOT));
		}

	}

	public boolean open() {
		return this.status == Status.IN_BEHANDELING;
	}

	@Override
	public String toString() {
		return "RegisteredComplaint[" + this.reference + ", " + this.status + "]";
	}

}
