/**
 * Reading mail: Mime4J parsing of raw bytes into InboundMail, the ignore rules of
 * CONTRACT §4, the Label: value register details, and Intake, which takes a batch of
 * fetched mail into the register, a transaction per mail, and says where each mail is
 * filed. Where a mail goes is the rule list of the {@code route} subpackage; what each
 * route does to the register is applied here (RouteEffects, CommandFiling,
 * ComplaintRegistrar, FollowUps).
 */
package nl.klachten.intake;
