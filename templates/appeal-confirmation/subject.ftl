Uw beroep is ontvangen [${reference}]
