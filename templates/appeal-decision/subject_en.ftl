The appeals committee's decision on your appeal [${reference}]
