Klacht ingetrokken door de klager [${reference}]
