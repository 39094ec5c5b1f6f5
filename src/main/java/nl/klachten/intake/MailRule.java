package nl.klachten.intake;

import java.util.Optional;

/**
 * One rule of {@link MailRoutes}, as a matcher in James's mailet container: it looks at a
 * mail and either answers its route or passes it to the next rule.
 */
interface MailRule {

	Optional<Route> route(MailFacts mail);

}
