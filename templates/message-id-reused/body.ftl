<#import "/layout.ftl" as layout>
Er kwam een mail binnen met een Message-ID die <#if own>de klachtencommissie zelf aan een eigen mail gaf<#else>een eerder gelezen mail al had</#if>, maar het is een andere mail: <#if own>hij komt niet van de klachtencommissie of de inhoud is anders<#else>een andere afzender of een andere inhoud</#if>. Hij is daarom niet als dubbel weggelegd, maar apart verwerkt.

Message-ID: ${messageId}
<#list mails as mail>
${(mail.sender?has_content)?then(mail.sender, "(geen afzender)")}: ${mail.place}
</#list>

Kijk na of de mail<#if reference?has_content> in ${reference}</#if> echt is: iemand kan een Message-ID hergebruiken om een mail voor een andere te laten doorgaan.
