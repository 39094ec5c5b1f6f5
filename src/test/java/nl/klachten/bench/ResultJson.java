package nl.klachten.bench;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The result file's JSON, written by hand: maps (in their order), lists, numbers (NaN and
 * infinities as null), booleans, strings and null are all the result holds.
 */
final class ResultJson {

	private ResultJson() {
	}

	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(out, value, "");
		return out.append('\n').toString();
	}

	private static void write(StringBuilder out, Object value, String indent) {
		if (value instanceof Map<?, ?> map) {
			object(out, map, indent);
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (Iterator<?> it = list.iterator(); it.hasNext();) {
				write(out, it.next(), indent);
				out.append(it.hasNext() ? ", " : "");
			}
			out.append(']');
		}
		else if (value instanceof Double d) {
			out.append(d.isNaN() || d.isInfinite() ? "null" : String.format(java.util.Locale.ROOT, "%.3f", d));
		}
		else if (value instanceof Number || value instanceof Boolean || value == null) {
			out.append(value);
		}
		else {
			out.append('"').append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
	}

	private static void object(StringBuilder out, Map<?, ?> map, String indent) {
		out.append("{");
		String inner = indent + "  ";
		for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext();) {
			Map.Entry<?, ?> e = it.next();
			out.append('\n').append(inner).append('"').append(e.getKey()).append("\": ");
			write(out, e.getValue(), inner);
			out.append(it.hasNext() ? "," : "");
		}
		out.append('\n').append(indent).append('}');
	}

}
