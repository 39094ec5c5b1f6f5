Your details have been recorded [${reference}]
