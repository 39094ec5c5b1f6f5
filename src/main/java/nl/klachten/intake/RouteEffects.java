package nl.klachten.intake;

import nl.klachten.committee.EventCounter;
import nl.klachten.committee.OperatorEvents;
import nl.klachten.mailbox.Filing;
import nl.klachten.register.InboundRecord.Outcome;
import nl.klachten.register.RegisteredComplaint;

import org.springframework.stereotype.Component;

/**
 * What each {@link Route} does to the register, in the mail's transaction: an ignored
 * mail is recorded in the ignored list; correspondence joins the case's file and is
 * followed up ({@link FollowUps}); a command mail goes to the commands
 * ({@link CommandFiling}); a new complaint is registered, filed and announced
 * ({@link ComplaintRegistrar}).
 */
@Component
class RouteEffects {

	private final InboundRecorder recorder;

	private final FollowUps followUps;

	private final CommandFiling commands;

	private final ComplaintRegistrar registrar;

	private final EventCounter counter;

	RouteEffects(InboundRecorder recorder, FollowUps followUps, CommandFiling commands, ComplaintRegistrar registrar,
			EventCounter counter) {
		this.recorder = recorder;
		this.followUps = followUps;
		this.commands = commands;
		this.registrar = registrar;
		this.counter = counter;
	}

	Filing.Destination apply(Route route, MailFacts facts, MailEntry entry) {
		if (route instanceof Route.Ignore ignore) {
			return this.recorder.settle(entry, null, Outcome.IGNORED, ignore.reason());
		}
		if (route instanceof Route.Correspondence correspondence) {
			return correspondence(correspondence, facts, entry);
		}
		if (route instanceof Route.Command command) {
			return this.commands.file(command, facts.newText(), entry);
		}
		return newComplaint((Route.NewComplaint) route, facts, entry);
	}

	private Filing.Destination correspondence(Route.Correspondence route, MailFacts facts, MailEntry entry) {
		long complaintId = route.joined().complaint().id();
		long inboundId = this.recorder.record(entry, complaintId, Outcome.CASE, "correspondence");
		this.recorder.addLetter(entry, complaintId, inboundId, route.joined().party().letterKind(), facts.newText());
		this.followUps.handle(route.joined(), entry.mail(), facts.newText());
		return Filing.Destination.PROCESSED;
	}

	private Filing.Destination newComplaint(Route.NewComplaint route, MailFacts facts, MailEntry entry) {
		ComplaintRegistrar.Registration registration = this.registrar.register(entry.mail(), facts.receivedAt());
		RegisteredComplaint complaint = registration.complaint();
		long inboundId = this.recorder.record(entry, complaint.id(), Outcome.CASE, route.reason());
		this.recorder.addLetter(entry, complaint.id(), inboundId, "complaint", facts.newText());
		this.registrar.announce(registration, entry.mail(), route.acknowledge(), route.possibleLink());
		OperatorEvents.registered(complaint.reference().toString(), entry.key());
		this.counter.caseRegistered();
		return Filing.Destination.PROCESSED;
	}

}
