Beroepsbrief om te posten naar de beroepscommissie [${reference}]
