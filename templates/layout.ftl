<#-- Shared pieces of the text mails. -->
<#macro signature>
Met vriendelijke groet,

${chairName}
${chairTitle}
${committee}
</#macro>
