package nl.klachten.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One complaint the benchmark hands in: its Message-ID (with brackets, as In-Reply-To and
 * References quote it), its sender and its bytes. Every complaint of a run has a sender
 * of its own, so the processor's limit of mails per sender an hour never holds one back.
 */
record Complaint(String messageId, String from, byte[] raw) {

	/**
	 * {@code count} complaints to {@code to}, senders made by {@code servers}, ids unique
	 * to {@code tag}.
	 */
	static List<Complaint> batch(MailServers servers, String tag, int count) {
		List<Complaint> complaints = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			String id = "<bench-" + tag + "-" + i + "@bench.example.org>";
			String from = servers.complainant(tag, i);
			complaints.add(new Complaint(id, from, text(i, from, id).getBytes(StandardCharsets.UTF_8)));
		}
		return complaints;
	}

	private static String text(int i, String from, String id) {
		return "From: Klager " + i + " <" + from + ">\r\nTo: " + MailServers.COMMITTEE + "\r\nSubject: Klacht " + i
				+ " over de levering\r\nDate: Mon, 30 Nov 2026 09:00:00 +0000\r\nMessage-ID: " + id
				+ "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
				+ "Content-Transfer-Encoding: 8bit\r\n\r\nGeachte commissie,\r\n\r\nMijn bestelling " + i
				+ " is beschadigd aangekomen en de klantenservice reageert niet op mijn mails.\r\n\r\n"
				+ "Met vriendelijke groet,\r\nKlager " + i + "\r\n";
	}

}
