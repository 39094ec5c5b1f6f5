package nl.klachten.commands;

/**
 * Who may send a command (CONTRACT §5, column "by"). The sender check itself needs the
 * committee settings and lives where commands are applied.
 */
public enum Authority {

	/** The complaints committee. */
	COMMITTEE,

	/** The complaints committee or management (MAATREGEL, GEEN-MAATREGEL). */
	COMMITTEE_OR_MANAGEMENT,

	/** The appeals committee (the BEROEP-* commands). */
	APPEALS,

	/** Anyone trusted: committee, management or appeals committee (HELP). */
	ANY_TRUSTED

}
