/**
 * The people and terms of the regulation: who the chair, members, management and appeals
 * committee are (R1, R4, R5) and the terms that govern a case (R7, R9, R10, R20, R23). Pure
 * configuration records that every other capability reads.
 */
package nl.klachten.committee;
