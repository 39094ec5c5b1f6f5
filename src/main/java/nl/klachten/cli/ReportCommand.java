package nl.klachten.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import nl.klachten.register.YearFigures;
import nl.klachten.register.YearReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code report --year YYYY [--format text|csv]}: the yearly figures (CONTRACT §1) over
 * the complaints submitted in that year. CSV is {@code metric,value} rows with stable
 * metric names.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
		description = "Yearly figures: counts by status and assessment, terms met, handling time.")
class ReportCommand implements Callable<Integer> {

	enum Format {

		text, csv

	}

	@Option(names = "--year", required = true, paramLabel = "YYYY", description = "the submission year")
	Year year;

	@Option(names = "--format", defaultValue = "text", description = "text or csv (default: ${DEFAULT-VALUE})")
	Format format;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@CommandLine.Unmatched
	List<String> springArgs = new ArrayList<>();

	@CommandLine.Mixin
	TenantOption tenant = new TenantOption();

	@Override
	public Integer call() {
		if (this.year.getValue() < 1000 || this.year.getValue() > 9999) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"--year must be four digits (YYYY), not: " + this.year);
		}
		try (ConfigurableApplicationContext context = ReadOnlyContext.open(this.springArgs, this.tenant.id)) {
			YearReport report = context.getBean(YearFigures.class).of(this.year.getValue());
			PrintWriter out = this.spec.commandLine().getOut();
			out.print(this.format == Format.csv ? csv(report) : text(report));
			out.flush();
		}
		return 0;
	}

	/**
	 * The figures as ordered {@code metric -> value}; an absent mean or median is empty.
	 */
	static Map<String, String> metrics(YearReport r) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("year", String.valueOf(r.year()));
		m.put("complaints", String.valueOf(r.complaints()));
		r.byStatus().forEach((k, v) -> m.put("status." + k, String.valueOf(v)));
		r.byAssessment().forEach((k, v) -> m.put("assessment." + k, String.valueOf(v)));
		m.put("appeals.filed", String.valueOf(r.appeals().filed()));
		m.put("appeals.pending", String.valueOf(r.appeals().pending()));
		r.appeals().byOutcome().forEach((k, v) -> m.put("appeals.outcome." + k, String.valueOf(v)));
		m.put("acknowledgements.within_term", String.valueOf(r.acknowledgements().withinTerm()));
		m.put("acknowledgements.late", String.valueOf(r.acknowledgements().late()));
		m.put("acknowledgements.none", String.valueOf(r.acknowledgements().none()));
		m.put("decisions.decided", String.valueOf(r.decisions().decided()));
		m.put("decisions.within_term", String.valueOf(r.decisions().withinTerm()));
		m.put("decisions.within_extended_term", String.valueOf(r.decisions().withinExtendedTerm()));
		m.put("decisions.late", String.valueOf(r.decisions().late()));
		m.put("handling_days.mean", number(r.handlingTime().mean()));
		m.put("handling_days.median", number(r.handlingTime().median()));
		m.put("measures.with_measure", String.valueOf(r.measures().withMeasure()));
		m.put("measures.no_measure", String.valueOf(r.measures().noMeasure()));
		m.put("measures.handled_without_answer", String.valueOf(r.measures().handledWithoutAnswer()));
		return m;
	}

	static String csv(YearReport report) {
		CsvSchema schema = CsvSchema.builder().setUseHeader(true).addColumn("metric").addColumn("value").build();
		List<Map<String, String>> rows = metrics(report).entrySet()
			.stream()
			.map((e) -> Map.of("metric", e.getKey(), "value", e.getValue()))
			.toList();
		CsvMapper mapper = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();
		return new String(mapper.writer(schema).writeValueAsBytes(rows), StandardCharsets.UTF_8);
	}

	static String text(YearReport r) {
		StringBuilder out = new StringBuilder();
		out.append("Jaarverslag klachten ").append(r.year()).append('\n');
		out.append("Ingediend in ").append(r.year()).append(": ").append(r.complaints()).append('\n');
		outcomes(out, r);
		terms(out, r);
		section(out, "Behandelduur in dagen");
		line(out, "gemiddeld", dutch(r.handlingTime().mean()));
		line(out, "mediaan", dutch(r.handlingTime().median()));
		section(out, "Maatregelen");
		line(out, "met maatregel", r.measures().withMeasure());
		line(out, "geen maatregel", r.measures().noMeasure());
		line(out, "afgehandeld, nog geen antwoord", r.measures().handledWithoutAnswer());
		return out.toString();
	}

	/** How the cases stand and were assessed, and the appeals against them. */
	private static void outcomes(StringBuilder out, YearReport r) {
		section(out, "Status");
		r.byStatus().forEach((k, v) -> line(out, k.replace('_', ' '), v));
		section(out, "Oordeel");
		r.byAssessment().forEach((k, v) -> line(out, k.replace('_', ' '), v));
		section(out, "Beroep");
		line(out, "ingesteld", r.appeals().filed());
		line(out, "nog zonder uitspraak", r.appeals().pending());
		r.appeals().byOutcome().forEach((k, v) -> line(out, "uitspraak " + k.replace('_', ' '), v));
	}

	/** Whether the acknowledgements and decisions came within their terms. */
	private static void terms(StringBuilder out, YearReport r) {
		section(out, "Ontvangstbevestiging");
		line(out, "binnen de termijn", r.acknowledgements().withinTerm());
		line(out, "te laat", r.acknowledgements().late());
		line(out, "niet verstuurd", r.acknowledgements().none());
		section(out, "Beslissing (" + r.decisions().decided() + " beslist)");
		line(out, "binnen de termijn", r.decisions().withinTerm());
		line(out, "binnen de verlengde termijn", r.decisions().withinExtendedTerm());
		line(out, "te laat", r.decisions().late());
	}

	private static void section(StringBuilder out, String title) {
		out.append('\n').append(title).append('\n');
	}

	private static void line(StringBuilder out, String label, Object value) {
		out.append(String.format("  %-32s %s", label + ":", value)).append('\n');
	}

	/** Two decimals at most, no trailing zeros: 30.857 is 30.86, 28.0 is 28. */
	private static String number(OptionalDouble value) {
		if (value.isEmpty()) {
			return "";
		}
		return BigDecimal.valueOf(value.getAsDouble())
			.setScale(2, RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString();
	}

	private static String dutch(OptionalDouble value) {
		return value.isEmpty() ? "-" : number(value).replace('.', ',');
	}

}
