<#-- Shared pieces of the text mails. -->
<#macro signature>
Met vriendelijke groet,

${chairName}
${chairTitle}
${committee}
</#macro>
<#macro nextSteps>
<#if guidance?has_content>

Wat nu? Beantwoord deze e-mail met een of meer commando's bovenaan, een per regel:
<#list guidance as line>
  ${line}
</#list>
HELP geeft alle commando's.
</#if>
</#macro>
