Uitspraak van de beroepscommissie op uw beroep [${reference}]
