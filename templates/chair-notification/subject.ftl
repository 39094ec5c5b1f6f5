Nieuwe klacht [${reference}]: ${subject}
