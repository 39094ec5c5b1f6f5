Andere mail met een bekende Message-ID<#if reference?has_content> [${reference}]</#if>
