package nl.klachten.intake;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * HTML mail as readable text: jsoup parses the (often broken) HTML; block elements become
 * line breaks, styles and scripts vanish, entities are decoded.
 */
final class HtmlText {

	private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
			"blockquote", "pre", "table", "ul", "ol", "hr", "address", "section", "article");

	private HtmlText() {
	}

	static String toText(String html) {
		Document document = Jsoup.parse(html);
		document.select("style, script, head, title, xml").remove();
		StringBuilder out = new StringBuilder();
		document.body().traverse(new TextWriter(out));
		return tidy(out.toString());
	}

	private static void newLine(StringBuilder out) {
		out.append('\n');
	}

	private static String tidy(String text) {
		String[] lines = text.replace('\u00a0', ' ').split("\n", -1);
		StringBuilder tidy = new StringBuilder();
		int blanks = 0;
		for (String line : lines) {
			String stripped = line.strip();
			if (stripped.isEmpty()) {
				blanks++;
				continue;
			}
			if (tidy.length() > 0) {
				tidy.append(blanks > 1 ? "\n\n" : "\n");
			}
			tidy.append(stripped);
			blanks = 0;
		}
		return tidy.toString();
	}

	/**
	 * Writes text nodes as they are, a line break before and after a block element
	 * (before only for {@code br}), a space before a table cell.
	 */
	private static final class TextWriter implements NodeVisitor {

		private final StringBuilder out;

		private TextWriter(StringBuilder out) {
			this.out = out;
		}

		@Override
		public void head(Node node, int depth) {
			if (node instanceof TextNode text) {
				this.out.append(text.text());
			}
			else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
				newLine(this.out);
			}
			else if (node instanceof Element element && Set.of("td", "th").contains(element.normalName())) {
				this.out.append(' ');
			}
		}

		@Override
		public void tail(Node node, int depth) {
			if (node instanceof Element element && BLOCKS.contains(element.normalName())
					&& !"br".equals(element.normalName())) {
				newLine(this.out);
			}
		}

	}

}
