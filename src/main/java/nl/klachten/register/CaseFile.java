package nl.klachten.register;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import nl.klachten.committee.MessageId;

/**
 * Everything the register holds about one case (R19), as the export and {@code show}
 * present it. Times are in the committee's zone (the export writes them with its offset,
 * CONTRACT §6), dates are dates; absent values are null, and so is a value that does not
 * read as a time or a date (a hand-edited row).
 */
public record CaseFile(String reference, String status, String complainantName, String complainantEmail, String address,
		String city, String representativeOf, String subject, String description, OffsetDateTime submittedAt,
		LocalDate aroseOn, boolean late, String employeeName, String employeeEmail, List<String> products,
		LocalDate acknowledgeDue, LocalDate decisionDue, List<Extension> extensions, boolean managementInvolved,
		Decision decision, Appeal appeal, List<Measure> measures, List<Entry> correspondence, List<Note> notes,
		boolean purged) {

	public record Extension(LocalDate to, String reason, OffsetDateTime notifiedAt) {
	}

	/**
	 * The final position (R16, R17); {@code solution} is the proposed solution, null when
	 * none was proposed.
	 */
	public record Decision(String assessment, LocalDate decidedAt, String manner, String arguments, String solution) {

		public Decision(String assessment, LocalDate decidedAt, String manner, String arguments) {
			this(assessment, decidedAt, manner, arguments, null);
		}

	}

	/**
	 * The appeal (R22, R23): the complainant's grounds, its term with every extension,
	 * and the outcome.
	 */
	public record Appeal(OffsetDateTime filedAt, LocalDate due, String outcome, LocalDate decidedAt, String grounds,
			List<Extension> extensions) {

		public Appeal(OffsetDateTime filedAt, LocalDate due, String outcome, LocalDate decidedAt) {
			this(filedAt, due, outcome, decidedAt, null, List.of());
		}

	}

	/** A structural measure (R24); a null text records that none is taken. */
	public record Measure(String text, OffsetDateTime recordedAt, String recordedBy) {

		public String describe() {
			return this.text == null ? "geen structurele maatregel" : this.text;
		}

	}

	/**
	 * An internal note of the committee: shown to the committee, never sent to the
	 * complainant.
	 */
	public record Note(String text, OffsetDateTime writtenAt, String writtenBy) {
	}

	/**
	 * One letter; {@code text} is its new text (quoted history and signature removed),
	 * {@code body} all of it.
	 */
	public record Entry(String direction, OffsetDateTime at, String from, String to, String subject,
			MessageId messageId, String kind, String text, String body, List<String> attachments) {

		@Override
		public String toString() {
			return "Entry[" + this.direction + ", " + this.kind + "]";
		}

	}

	@Override
	public String toString() {
		return "CaseFile[" + this.reference + "]";
	}

}
