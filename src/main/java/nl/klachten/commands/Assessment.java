package nl.klachten.commands;

/**
 * The committee's assessment of a complaint (R16); {@link #column()} is the value of
 * {@code decision.assessment} in the export (CONTRACT §6).
 */
public enum Assessment {

	GEGROND("gegrond", "gegrond"),

	DEELS_GEGROND("deels_gegrond", "deels gegrond"),

	ONGEGROND("ongegrond", "ongegrond");

	private final String column;

	private final String label;

	Assessment(String column, String label) {
		this.column = column;
		this.label = label;
	}

	/**
	 * The export and register value: {@code gegrond}, {@code deels_gegrond} or
	 * {@code ongegrond}.
	 */
	public String column() {
		return this.column;
	}

	/** The Dutch words for a letter: "gegrond", "deels gegrond", "ongegrond". */
	public String label() {
		return this.label;
	}

}
