<#import "/layout_en.ftl" as layout>
<@layout.salutation/>
We have received your message with APPEAL about complaint ${reference} (${subject}), but we cannot handle the appeal:

${layout.refusal(refusal!"", reason, earlierAppeal!"")}

Your message has been added to the file all the same.

<@layout.signature/>

Reference: ${reference}
