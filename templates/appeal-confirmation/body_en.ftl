<#import "/layout_en.ftl" as layout>
<@layout.salutation/>
On ${filedOn} we received your appeal against the decision on your complaint ${reference} (${subject}). We have recorded the appeal and put it, with the complete file, before the appeals committee:

  ${appealsName}<#if appealsTitle?has_content>, ${appealsTitle}</#if>
  ${appealsAddress}
<#if appealsEmail?has_content>
  Email: ${appealsEmail}
</#if>

The appeals committee usually decides within ${appealWeeks} weeks of receiving your appeal, so by ${due} at the latest. If that is not possible, you will be told the new term in writing. Its decision is binding on ${provider}; you will receive it from us.
<#if grounds?has_content>

Your grounds for the appeal:
${grounds}
</#if>

<@layout.signature/>

Reference: ${reference}
