/**
 * Reading mail: Mime4J parsing of raw bytes into InboundMail, the ignore rules of CONTRACT §4, the Label: value register details, and Intake, which takes a batch of fetched mail into the register in one transaction and says where each mail is filed.
 */
package nl.klachten.intake;
