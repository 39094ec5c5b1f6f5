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

Commando's (Nederlands of Engels; hoofdletters maken niet uit). Zet het commando op de eerste regel van uw antwoord (een aanhef erboven mag), dan een lege regel, dan de tekst. In een antwoord op het overzicht begint elke commandoregel met het kenmerk van het dossier; zo kunnen meer dossiers in één antwoord.

${help?trim}
</#if>
<@layout.nextSteps/>
<#if reference?has_content>

Referentie: ${reference}
</#if>
