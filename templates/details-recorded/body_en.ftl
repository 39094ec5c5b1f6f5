<#import "/layout_en.ftl" as layout>
<@layout.salutation/>
We have recorded the following details with your complaint ${reference}:

<#list recorded as label, value>
  ${(layout.label(label) + ":")?right_pad(21)}${value}
</#list>

Is something wrong? Reply to this email with the correct details, each on a line of its own (for example "Address: 12 High Street").

<@layout.signature/>

Reference: ${reference}
