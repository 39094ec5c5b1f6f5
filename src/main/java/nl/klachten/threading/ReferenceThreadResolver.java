package nl.klachten.threading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.klachten.committee.MessageId;
import nl.klachten.committee.CommitteeSettings;
import nl.klachten.register.Complaints;
import nl.klachten.register.Correspondence;
import nl.klachten.register.ReferenceNumber;
import nl.klachten.register.ReferenceSettings;
import nl.klachten.register.RegisteredComplaint;

import org.springframework.stereotype.Component;

/**
 * Threads in the order of CONTRACT §4: (1) {@code In-Reply-To}/{@code References} naming
 * any message of a case, sent or received; (2) a reference in the subject, after any
 * prefixes; (3) a reference in the body (our mail puts it there, so replies thread when a
 * provider strips Message-IDs). Of the cases found, the first the sender may join wins; a
 * reference that names no case never threads. A sender who may join none of the cases
 * found is a stranger.
 */
@Component
class ReferenceThreadResolver implements ThreadResolver {

	private final Correspondence correspondence;

	private final Complaints complaints;

	private final CommitteeSettings committee;

	private final ReferenceFinder finder;

	ReferenceThreadResolver(Correspondence correspondence, Complaints complaints, CommitteeSettings committee,
			ReferenceSettings settings) {
		this.correspondence = correspondence;
		this.complaints = complaints;
		this.committee = committee;
		this.finder = new ReferenceFinder(settings.prefix());
	}

	@Override
	public MailThread resolve(ThreadClues mail) {
		List<RegisteredComplaint> candidates = candidates(mail);
		String sender = mail.sender();
		for (RegisteredComplaint candidate : candidates) {
			Optional<Party> party = partyOf(sender, candidate);
			if (party.isPresent()) {
				return new MailThread.Joined(candidate, party.get());
			}
		}
		return candidates.isEmpty() ? new MailThread.None() : new MailThread.Foreign(candidates.get(0));
	}

	private List<RegisteredComplaint> candidates(ThreadClues mail) {
		Set<Long> seen = new LinkedHashSet<>();
		List<RegisteredComplaint> found = new ArrayList<>();
		this.correspondence.caseOf(MessageId.valid(mail.references()))
			.flatMap(this.complaints::find)
			.ifPresent((c) -> add(found, seen, c));
		List<ReferenceNumber> references = new ArrayList<>(this.finder.find(mail.subject()));
		references.addAll(this.finder.find(mail.text()));
		for (ReferenceNumber reference : references) {
			this.complaints.find(reference).ifPresent((c) -> add(found, seen, c));
		}
		return found;
	}

	private static void add(List<RegisteredComplaint> found, Set<Long> seen, RegisteredComplaint complaint) {
		if (seen.add(complaint.id())) {
			found.add(complaint);
		}
	}

	private Optional<Party> partyOf(String sender, RegisteredComplaint complaint) {
		if (sender.isEmpty()) {
			return Optional.empty();
		}
		if (sender.equalsIgnoreCase(complaint.complainantEmail())) {
			return Optional.of(Party.COMPLAINANT);
		}
		if (this.committee.isCommittee(sender)) {
			return Optional.of(Party.COMMITTEE);
		}
		if (this.committee.isManagement(sender)) {
			return Optional.of(Party.MANAGEMENT);
		}
		if (this.committee.isAppeals(sender)) {
			return Optional.of(Party.APPEALS);
		}
		return this.complaints.isParticipant(complaint.id(), sender) ? Optional.of(Party.EMPLOYEE) : Optional.empty();
	}

}
