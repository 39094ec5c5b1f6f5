Niet bezorgd: mail aan ${party}<#if reference?has_content> [${reference}]</#if>
