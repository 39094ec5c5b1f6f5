package nl.klachten.register;

import tools.jackson.core.JsonGenerator;

/**
 * The export's JSON array ({@link CaseFileJson#export}), open for one case after the
 * other, each led by the register's tenant (CONTRACT §7).
 */
public final class CaseFileExport implements AutoCloseable {

	private final JsonGenerator generator;

	private final String tenant;

	CaseFileExport(JsonGenerator generator, String tenant) {
		this.generator = generator;
		this.tenant = tenant;
	}

	public void write(CaseFile c) {
		CaseFileStream.write(this.generator, c, this.tenant);
	}

	@Override
	public void close() {
		try {
			this.generator.writeEndArray();
		}
		finally {
			this.generator.close();
		}
	}

}
