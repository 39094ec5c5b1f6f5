package nl.klachten.threading;

import java.util.Optional;

import nl.klachten.intake.InboundMail;
import nl.klachten.register.Complaints;
import nl.klachten.register.Correspondence;
import nl.klachten.register.ReferenceSettings;
import nl.klachten.register.RegisteredComplaint;

import org.springframework.stereotype.Component;

/**
 * Threads by (1) {@code In-Reply-To}/{@code References} naming any message of a case, (2) a
 * reference in the subject, (3) a reference in the body. A reference that names no case never
 * threads. Whether the sender may join the case is the caller's decision.
 */
@Component
class ReferenceThreadResolver implements ThreadResolver {

	private final Correspondence correspondence;

	private final Complaints complaints;

	private final ReferenceFinder finder;

	ReferenceThreadResolver(Correspondence correspondence, Complaints complaints, ReferenceSettings settings) {
		this.correspondence = correspondence;
		this.complaints = complaints;
		this.finder = new ReferenceFinder(settings.prefix());
	}

	@Override
	public Optional<RegisteredComplaint> resolve(InboundMail mail) {
		Optional<RegisteredComplaint> byHeaders = this.correspondence.caseOf(mail.references())
			.flatMap(this.complaints::find);
		if (byHeaders.isPresent()) {
			return byHeaders;
		}
		return byReference(mail.subject()).or(() -> byReference(mail.text()));
	}

	private Optional<RegisteredComplaint> byReference(String text) {
		return this.finder.find(text).stream().map(this.complaints::find).flatMap(Optional::stream).findFirst();
	}

}
