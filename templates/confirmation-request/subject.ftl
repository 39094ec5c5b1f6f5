Bevestig uw verzoek over uw klacht [${reference}]
