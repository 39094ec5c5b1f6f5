/**
 * The people and terms of the regulation: who the chair, members, management and appeals
 * committee are (R1, R4, R5), the terms that govern a case (R7, R9, R10, R20, R23) and
 * the languages mail to a complainant is written in. Pure configuration records and
 * values that every other capability reads, and the operator's record of what happened:
 * the event log ({@link nl.klachten.committee.OperatorEvents}) and the counts behind the
 * metrics ({@link nl.klachten.committee.EventCounter}).
 */
package nl.klachten.committee;
