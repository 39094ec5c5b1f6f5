package nl.klachten.intake;

import java.util.Optional;

import nl.klachten.committee.OperatorEvents;
import nl.klachten.mailbox.Filing;
import nl.klachten.register.Outbox;
import nl.klachten.threading.ThreadResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Routes one parsed mail inside its transaction: looks up the processor's own mail under
 * its Message-ID, asks {@link MailRoutes} for the {@link Route}, applies it
 * ({@link RouteEffects}), and tells the chair when the mail reused a Message-ID that is
 * not its own ({@link ReusedMessageIdNotice}): one of ours, or one read before.
 */
@Component
class MailRouting {

	private static final Logger log = LoggerFactory.getLogger(MailRouting.class);

	private final Outbox outbox;

	private final ThreadResolver threads;

	private final MailRoutes routes;

	private final RouteEffects effects;

	private final ReusedMessageIdNotice reuse;

	MailRouting(Outbox outbox, ThreadResolver threads, MailRoutes routes, RouteEffects effects,
			ReusedMessageIdNotice reuse) {
		this.outbox = outbox;
		this.threads = threads;
		this.routes = routes;
		this.effects = effects;
		this.reuse = reuse;
	}

	/** {@code reused}: another mail was read before under this mail's Message-ID. */
	Filing.Destination route(MailEntry entry, boolean reused) {
		InboundMail mail = entry.mail();
		Optional<Outbox.Written> own = this.outbox.written(mail.id());
		MailFacts facts = new MailFacts(mail, entry.fetched().raw(), entry.fetched().receivedAt(), own, this.threads);
		Route route = this.routes.route(facts);
		Filing.Destination destination = this.effects.apply(route, facts, entry);
		if (own.isPresent() && !Route.Ignore.OWN_MAIL.equals(route)) {
			log.warn("Mail {} carries one of our Message-IDs but is not our mail", OperatorEvents.hash(entry.key()));
			this.reuse.tell(mail.id(), true);
		}
		if (reused) {
			this.reuse.tell(mail.id(), false);
		}
		return destination;
	}

}
