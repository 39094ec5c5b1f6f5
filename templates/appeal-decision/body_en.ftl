<#import "/layout_en.ftl" as layout>
<@layout.salutation/>
On ${decidedOn} the appeals committee (${appealsName}) decided on your appeal against the decision on your complaint ${reference} (${subject}). Ruling: your appeal is ${layout.term(outcome)}.

The appeals committee's reasons:
${arguments}

This ruling is binding on ${provider}. If you disagree with it, the civil courts remain open to you.

<@layout.signature/>

Reference: ${reference}
