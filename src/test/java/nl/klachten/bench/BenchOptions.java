package nl.klachten.bench;

/**
 * What {@code scripts/bench} was asked for. {@code --quick} is the CI form (50 mails, 40
 * at the fixed rate, a backlog of 200, a register of 2,000 cases, one timed run per
 * command); options after it override its sizes. A size of 0 leaves that part out.
 *
 * @param mails complaints sent at full speed, to the floor and to the processor
 * @param connections SMTP connections they are sent over
 * @param rate the fixed offered rate, complaints per second
 * @param rateMails complaints sent at that rate
 * @param backlog complaints already in the inbox when the processor starts
 * @param cases cases in the generated register for the export and digest times
 * @param runs timed runs of each of those commands (the median is reported)
 * @param greenmail GreenMail in the benchmark's JVM instead of Dovecot and Postfix
 */
record BenchOptions(int mails, int connections, double rate, int rateMails, int backlog, int cases, int runs,
		boolean greenmail) {

	static final String USAGE = "usage: Bench [--quick] [--mails N] [--connections N] [--rate R] [--rate-mails N] "
			+ "[--backlog N] [--cases N] [--runs N] [--greenmail]";

	static BenchOptions parse(String... args) {
		BenchOptions o = new BenchOptions(2000, 8, 20, 600, 10_000, 100_000, 3, false);
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if ("--quick".equals(arg)) {
				o = new BenchOptions(50, o.connections, o.rate, 40, 200, 2000, 1, o.greenmail);
			}
			else if ("--greenmail".equals(arg)) {
				o = new BenchOptions(o.mails, o.connections, o.rate, o.rateMails, o.backlog, o.cases, o.runs, true);
			}
			else if (i + 1 < args.length) {
				o = o.with(arg, args[++i]);
			}
			else {
				throw new IllegalArgumentException(USAGE);
			}
		}
		return o;
	}

	private BenchOptions with(String option, String value) {
		int n = number(option, value);
		return switch (option) {
			case "--mails" -> new BenchOptions(n, this.connections, this.rate, this.rateMails, this.backlog, this.cases,
					this.runs, this.greenmail);
			case "--connections" -> new BenchOptions(this.mails, Math.max(1, n), this.rate, this.rateMails,
					this.backlog, this.cases, this.runs, this.greenmail);
			case "--rate" -> new BenchOptions(this.mails, this.connections, n, this.rateMails, this.backlog, this.cases,
					this.runs, this.greenmail);
			case "--rate-mails" -> new BenchOptions(this.mails, this.connections, this.rate, n, this.backlog,
					this.cases, this.runs, this.greenmail);
			case "--backlog" -> new BenchOptions(this.mails, this.connections, this.rate, this.rateMails, n, this.cases,
					this.runs, this.greenmail);
			case "--cases" -> new BenchOptions(this.mails, this.connections, this.rate, this.rateMails, this.backlog, n,
					this.runs, this.greenmail);
			case "--runs" -> new BenchOptions(this.mails, this.connections, this.rate, this.rateMails, this.backlog,
					this.cases, Math.max(1, n), this.greenmail);
			default -> throw new IllegalArgumentException(USAGE);
		};
	}

	private static int number(String option, String value) {
		try {
			int n = Integer.parseInt(value);
			if (n >= 0) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// below
		}
		throw new IllegalArgumentException(option + " needs a number >= 0, not " + value);
	}

}
