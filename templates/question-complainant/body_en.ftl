<#import "/layout_en.ftl" as layout>
<#-- As body.ftl: the chair's text as typed, without a greeting of ours when it has its own. -->
<#if ownGreeting!false>
${question}

This is a question about your complaint ${reference}. Would you reply to this email? Your answer is added to your file.
<#else>
<@layout.salutation/>
In handling your complaint ${reference} we have a question:

${question}

Would you reply to this email? Your answer is added to your file.
</#if>

<@layout.signature/>

Reference: ${reference}
