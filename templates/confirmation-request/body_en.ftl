<#import "/layout_en.ftl" as layout>
<@layout.salutation/>
We received an email about your complaint ${reference} with the request: ${layout.request(action!"", request)}. That email was not a reply to a message we sent you, so we cannot be sure it comes from you. Nothing has been changed yet.
<#if shown?has_content>

What would change:
<#list shown as line>
  ${layout.labelled(line)}
</#list>
</#if>

Do you want this? Then reply to this email; you need not type anything. If you do not want it, or if this shows something you did not write, you can ignore this email.

<@layout.signature/>

Reference: ${reference}
