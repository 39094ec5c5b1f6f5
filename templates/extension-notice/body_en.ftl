<#import "/layout_en.ftl" as layout>
<@layout.salutation/>
We need more than the term of four weeks to handle your complaint ${reference}. You will receive our position by ${newDue} (before, this was ${previousDue}).

Reason:
${reason}

<@layout.signature/>

Reference: ${reference}
