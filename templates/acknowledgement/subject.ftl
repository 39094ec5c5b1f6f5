Ontvangstbevestiging van uw klacht [${reference}]
