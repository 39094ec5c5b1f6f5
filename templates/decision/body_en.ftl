<#import "/layout_en.ftl" as layout>
<@layout.salutation/>
We have assessed your complaint ${reference} (${subject}). Our position: your complaint is ${layout.term(assessmentLabel)}.

Our reasons:
${arguments}
<#if solution?has_content>

Proposed solution:
${solution}
</#if>

Do you disagree with this decision<#if solution?has_content> or with the proposed solution</#if>? Then you can turn to the appeals committee. Reply to this email with the word APPEAL on the first line and your objections below it, or write to:

  ${appealsName}<#if appealsTitle?has_content>, ${appealsTitle}</#if>
  ${appealsAddress}
<#if appealsEmail?has_content>
  Email: ${appealsEmail}
</#if>

The appeals committee usually decides within ${appealWeeks} weeks of receiving your appeal. Its decision is binding on ${provider}; the civil courts remain open to you.

<@layout.signature/>

Reference: ${reference}
