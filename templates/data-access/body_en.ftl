<#import "/layout_en.ftl" as layout>
<@layout.salutation/>
You asked for your data in the complaints register. Below is what we have recorded about your complaint<#if (cases?size > 1)>s</#if>. The attachment holds everything, the complete correspondence too, as a JSON file.

<#list cases as file>
Complaint ${file.reference}: ${file.subject}
  Status:               ${layout.term(file.status)}
  Submitted:            ${file.submittedOn}
  Name:                 ${file.name}
  Email:                ${file.email}
  Address:              ${file.address}
  City:                 ${file.city}
<#if file.representativeOf?has_content>
  On behalf of:         ${file.representativeOf}
</#if>
  Products:             ${file.products}
  Employee:             ${file.employee}
  Date of occurrence:   ${file.aroseOn}
  Decision due by:      ${file.decisionDue}
<#if file.assessment?has_content>
  Decision:             ${layout.term(file.assessment)}, on ${file.decidedOn}
</#if>
<#if file.solution?has_content>
  Proposed solution:
${file.solution}
</#if>
  Correspondence:       ${file.letters} messages with you

</#list>
<@layout.signature/>

Reference: ${reference}
