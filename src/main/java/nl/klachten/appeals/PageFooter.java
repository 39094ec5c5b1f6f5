package nl.klachten.appeals;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * "Beroep klacht … - pagina n" at the foot of every page of the appeal letter: a page
 * event of the PDF writer, apart from what the letter says.
 */
final class PageFooter extends PdfPageEventHelper {

	private final String label;

	private final Font font;

	PageFooter(String label, Font font) {
		this.label = label;
		this.font = font;
	}

	@Override
	public void onEndPage(PdfWriter writer, Document document) {
		Phrase footer = new Phrase(this.label + "  -  pagina " + writer.getPageNumber(), this.font);
		ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, footer,
				(document.left() + document.right()) / 2, document.bottom() - 30, 0);
	}

}
