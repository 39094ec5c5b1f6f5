Meer tijd nodig voor uw klacht [${reference}]
