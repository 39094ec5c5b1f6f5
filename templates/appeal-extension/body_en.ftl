<#import "/layout_en.ftl" as layout>
<@layout.salutation/>
The appeals committee (${appealsName}) needs more than the term of ${appealWeeks} weeks to decide on your appeal on complaint ${reference} (${subject}). You will receive the ruling by ${newDue} (before, this was ${previousDue}).
<#if reason?has_content>

Reason:
${reason}
</#if>

<@layout.signature/>

Reference: ${reference}
