<#-- Shared pieces of the text mails. -->
<#macro signature>
Met vriendelijke groet,

${chairName}
${chairTitle}
${committee}
</#macro>
<#macro nextSteps>
<#if guidance?has_content>

Wat nu? Beantwoord deze e-mail: het commando op de eerste regel, dan een
lege regel, dan uw tekst. Bijvoorbeeld:

<#list guidance as line>
${line}
</#list>
Meer commando's onder elkaar mag; HELP geeft ze allemaal.
</#if>
</#macro>
