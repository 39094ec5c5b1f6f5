Meer tijd nodig voor de uitspraak op uw beroep [${reference}]
