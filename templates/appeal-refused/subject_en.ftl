Your appeal cannot be lodged [${reference}]
