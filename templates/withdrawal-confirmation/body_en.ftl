<#import "/layout_en.ftl" as layout>
<@layout.salutation/>
At your request we have withdrawn your complaint ${reference}. We will not handle it any further. Your data is kept for the retention period of the complaints regulation; you can always request it by replying to this email with the word ACCESS.

<@layout.signature/>

Reference: ${reference}
