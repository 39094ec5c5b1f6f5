Beroep tegen de beslissing op klacht ${reference}: dossier [${reference}]
