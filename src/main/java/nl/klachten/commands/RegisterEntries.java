package nl.klachten.commands;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.klachten.committee.DeadlinePolicy;
import nl.klachten.committee.PeopleDates;
import nl.klachten.register.CaseChanges;
import nl.klachten.register.CaseLanguages;
import nl.klachten.register.CaseState;
import nl.klachten.register.Complaints;
import nl.klachten.register.Details;

import org.springframework.stereotype.Component;

/**
 * The commands that only change the register (R11, R24): the employee, the details of the
 * case, measures, notes, the language and reopening. Nobody is written to; the chair's
 * confirmation line says what was recorded.
 */
@Component
class RegisterEntries {

	private final CaseChanges changes;

	private final Complaints complaints;

	private final DeadlinePolicy deadlines;

	private final CaseLanguages languages;

	private final Clock clock;

	RegisterEntries(CaseChanges changes, Complaints complaints, DeadlinePolicy deadlines, CaseLanguages languages,
			Clock clock) {
		this.changes = changes;
		this.complaints = complaints;
		this.deadlines = deadlines;
		this.languages = languages;
		this.clock = clock;
	}

	/**
	 * Records {@code command}, given by {@code sender}; the chair's confirmation line.
	 */
	String record(ChairCommand command, String sender, CaseState state) {
		long id = state.complaint().id();
		if (command instanceof ChairCommand.SetEmployee set) {
			return setEmployee(state, set);
		}
		if (command instanceof ChairCommand.SetAroseOn set) {
			return aroseOn(state, set.date());
		}
		if (command instanceof ChairCommand.SetLanguage set) {
			this.languages.set(id, set.language());
			return "Taal van de mail aan de klager: " + set.language().dutchName();
		}
		if (command instanceof ChairCommand.Reopen) {
			this.changes.reopen(id);
			return "Dossier heropend; status: in behandeling.";
		}
		return details(id, command).or(() -> fileEntry(id, command, sender))
			.orElseThrow(() -> new IllegalStateException("No effect for " + command.getClass().getSimpleName()));
	}

	/** PRODUCT, ADRES and WOONPLAATS: one detail of the case. */
	private Optional<String> details(long id, ChairCommand command) {
		if (command instanceof ChairCommand.AddProduct add) {
			return Optional.of(details(id, new Details(null, null, null, List.of(add.product()), null, null, null),
					"Product toegevoegd: " + add.product()));
		}
		if (command instanceof ChairCommand.SetAddress set) {
			return Optional.of(details(id, new Details(null, set.address(), null, List.of(), null, null, null),
					"Adres vastgelegd: " + set.address()));
		}
		if (command instanceof ChairCommand.SetCity set) {
			return Optional.of(details(id, new Details(null, null, set.city(), List.of(), null, null, null),
					"Woonplaats vastgelegd: " + set.city()));
		}
		return Optional.empty();
	}

	/**
	 * MAATREGEL, GEEN-MAATREGEL and NOTITIE: an entry in the file, with who wrote it and
	 * when.
	 */
	private Optional<String> fileEntry(long id, ChairCommand command, String sender) {
		Instant now = this.clock.instant();
		if (command instanceof ChairCommand.RecordMeasure measure) {
			this.changes.recordMeasure(id, measure.text(), sender, now);
			return Optional.of("Structurele maatregel vastgelegd.");
		}
		if (command instanceof ChairCommand.NoMeasure) {
			this.changes.recordMeasure(id, null, sender, now);
			return Optional.of("Vastgelegd dat geen structurele maatregel nodig is.");
		}
		if (command instanceof ChairCommand.Note note) {
			this.changes.addNote(id, note.text(), sender, now);
			return Optional.of("Notitie toegevoegd aan het dossier (intern; niet naar de klager).");
		}
		return Optional.empty();
	}

	private String setEmployee(CaseState state, ChairCommand.SetEmployee set) {
		this.changes.setEmployee(state.complaint().id(), set.name(), set.email());
		if (set.email() != null) {
			this.complaints.addParticipant(state.complaint().id(), set.email(), "employee", this.clock.instant());
		}
		return "Medewerker vastgelegd: " + set.name() + (set.email() == null ? "" : " <" + set.email() + ">");
	}

	private String details(long id, Details details, String done) {
		this.complaints.updateDetails(id, details);
		return done;
	}

	private String aroseOn(CaseState state, LocalDate date) {
		long id = state.complaint().id();
		this.complaints.updateDetails(id, new Details(null, null, null, List.of(), null, date, null));
		boolean late = this.deadlines.late(date, this.complaints.submittedAt(id));
		this.complaints.markLate(id, late);
		return "Datum ontstaan vastgelegd: " + PeopleDates.date(date)
				+ (late ? " (buiten de termijn van twaalf maanden)" : "");
	}

}
