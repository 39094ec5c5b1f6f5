<#-- Shared pieces of the text mails. Paragraphs stand on one line: MailComposer wraps the
     rendered text at 76 columns (PlainText), so a template is never wrapped by hand. -->
<#macro signature>
Met vriendelijke groet,

${chairName}
${chairTitle}
${committee}
</#macro>
<#-- The salutation of every mail to the complainant: the name when the register knows it. Left
     out when the chair's own text already opens with one (ownGreeting), so nobody is greeted twice. -->
<#macro salutation>
<#if !(ownGreeting!false)>
Geachte <#if complainantName?has_content>${complainantName}<#else>heer/mevrouw</#if>,

</#if>
</#macro>
<#-- The one-line state of the case at the top of every mail to the chair about one case (StateLine). -->
<#macro state>
<#if (stateLine!"")?has_content>
${stateLine}

</#if>
</#macro>
<#-- The mails as they went out, quoted, so the chair sees exactly what the recipient got. -->
<#macro sentMails>
<#list (sent![]) as mail>

Zo ging uw bericht naar ${mail.to}:

<#list mail.lines as line>
><#if line?has_content> ${line}</#if>
</#list>
</#list>
</#macro>
<#macro nextSteps>
<#if guidance?has_content>

Wat nu? Beantwoord deze e-mail: het commando op de eerste regel, dan een lege regel, dan uw tekst. Bijvoorbeeld:

<#list guidance as line>
${line}
</#list>
Meer commando's onder elkaar mag; HELP geeft ze allemaal.
</#if>
</#macro>
