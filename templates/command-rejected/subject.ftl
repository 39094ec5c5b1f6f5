Niet uitgevoerd: uw commando's<#if reference?has_content> [${reference}]</#if>
