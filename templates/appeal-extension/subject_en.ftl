More time needed for the ruling on your appeal [${reference}]
