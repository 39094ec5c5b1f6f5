Klacht met materieel of financieel belang: dossier [${reference}]
