Uw beroep kan niet worden ingesteld [${reference}]
