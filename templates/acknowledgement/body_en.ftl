<#import "/layout_en.ftl" as layout>
<#-- The English acknowledgement: as body.ftl, which says why it repeats so little. -->
<@layout.salutation/>
We have received your complaint and registered it under reference number ${reference}. Replies to this email are added to your file automatically.

We have recorded:

<#list recorded as label, value>
${(label + ":")?right_pad(21)}${value}
</#list>

What happens next: we will give our position on your complaint by ${decisionDue}<#if (handlingWeeks!0) gt 0> (within ${handlingWeeks} weeks)</#if>. If we need more time, we will tell you before that date, with the new term.
<#if missing?has_content>

Is something wrong, or would you like to add something (<#list missing as label>${layout.label(label)?lower_case}<#sep>, </#list>)? Then reply to this email with each detail on a line of its own, for example "${layout.label(missing?first)}: ...".
<#else>

Is something wrong? Then reply to this email with the correct detail on a line of its own, for example "Address: 12 High Street".
</#if>
<#if late>

According to you, the complaint arose on ${aroseOn}, more than twelve months before it was submitted. The chair will decide whether the complaint can be handled nonetheless.
</#if>

With ACCESS on the first line of your reply you request your data; with WITHDRAW you withdraw the complaint.

<@layout.signature/>

Reference: ${reference}
