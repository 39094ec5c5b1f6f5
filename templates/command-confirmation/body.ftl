<#import "/layout.ftl" as layout>
<@layout.state/>
Uw commando's zijn uitgevoerd<#if reference?has_content> op dossier ${reference}</#if>:

<#list changes as change>
  - ${change}
</#list>
<@layout.sentMails/>
<#if caseFile?has_content>

${caseFile}
</#if>
<#if help?has_content>

Commando's (Nederlands of Engels, hoofdletters maken niet uit; een per regel, bovenaan uw antwoord; de tekst eronder is de toelichting):

${help?trim}
</#if>
<@layout.nextSteps/>
<#if reference?has_content>

Referentie: ${reference}
</#if>
