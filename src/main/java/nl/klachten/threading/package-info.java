/**
 * Which case a mail belongs to: In-Reply-To/References against stored Message-IDs, then a
 * reference number in subject or body.
 */
package nl.klachten.threading;
