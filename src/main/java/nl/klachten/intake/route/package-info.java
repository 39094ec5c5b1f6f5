/**
 * The route of a mail: the ordered rule list of {@link nl.klachten.intake.route.MailRoutes} and the
 * {@link nl.klachten.intake.route.Route} it answers. Decisions only; the intake applies them.
 */
package nl.klachten.intake.route;
