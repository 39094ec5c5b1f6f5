<#import "/layout.ftl" as layout>
<@layout.salutation/>
Wij hebben op ${filedOn} uw beroep ontvangen tegen de beslissing op uw klacht ${reference} (${subject}). Wij hebben het beroep vastgelegd en met het volledige dossier voorgelegd aan de beroepscommissie:

  ${appealsName}<#if appealsTitle?has_content>, ${appealsTitle}</#if>
  ${appealsAddress}
<#if appealsEmail?has_content>
  E-mail: ${appealsEmail}
</#if>

De beroepscommissie beslist in de regel binnen ${appealWeeks} weken na ontvangst van uw beroep, dus uiterlijk op ${due}. Lukt dat niet, dan hoort u schriftelijk de nieuwe termijn. Haar beslissing is bindend voor ${provider}; u ontvangt die van ons.
<#if grounds?has_content>

Uw gronden voor het beroep:
${grounds}
</#if>

<@layout.signature/>

Referentie: ${reference}
