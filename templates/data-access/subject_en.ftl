Your data in the complaints register [${reference}]
