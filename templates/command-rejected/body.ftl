<#import "/layout.ftl" as layout>
<@layout.state/>
Uw e-mail<#if reference?has_content> over dossier ${reference}</#if> is NIET uitgevoerd; er is niets veranderd.

<#if lineNumber gt 0>
Regel ${lineNumber}: ${line}
</#if>
Reden: ${reason}

Verbeter de regel en stuur uw antwoord opnieuw; alle commando's van een e-mail worden samen uitgevoerd of helemaal niet.
<@layout.nextSteps/>
<#if reference?has_content>

Referentie: ${reference}
</#if>
