package nl.klachten.threading;

import java.util.Optional;

import nl.klachten.intake.InboundMail;
import nl.klachten.register.RegisteredComplaint;

/** Which case a mail belongs to, if any (CONTRACT §4). Behind an interface, as James's thread guessing. */
public interface ThreadResolver {

	Optional<RegisteredComplaint> resolve(InboundMail mail);

}
