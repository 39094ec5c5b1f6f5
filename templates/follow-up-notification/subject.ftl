Nieuw bericht van ${party} [${reference}]<#if subject?has_content>: ${subject}</#if>
