package nl.klachten.appeals;

import java.awt.Color;

import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.pdf.BaseFont;

/**
 * The fonts of the appeal letter ({@link AppealLetter}): the PDF's base-14 Helvetica and
 * Courier.
 */
final class LetterFonts {

	static final Font LETTERHEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, BaseFont.WINANSI, 14);

	static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, BaseFont.WINANSI, 9, Font.NORMAL,
			Color.DARK_GRAY);

	static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, BaseFont.WINANSI, 11);

	static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, BaseFont.WINANSI, 11);

	static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, BaseFont.WINANSI, 12);

	/** 9 points: a 76-column line of the case file fits the page width. */
	static final Font MONO = FontFactory.getFont(FontFactory.COURIER, BaseFont.WINANSI, 9);

	private LetterFonts() {
	}

}
