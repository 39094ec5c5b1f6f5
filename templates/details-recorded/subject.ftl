Uw gegevens zijn vastgelegd [${reference}]
