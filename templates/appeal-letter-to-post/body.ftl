<#import "/layout.ftl" as layout>
<@layout.state/>
Aan de voorzitter,

<#if complainantName?has_content>${complainantName}<#else>De klager</#if> heeft op ${filedOn} beroep ingesteld tegen de beslissing op klacht ${reference} (${subject}). Het beroep is vastgelegd; de beroepscommissie beslist in de regel uiterlijk op ${due} (${appealWeeks} weken na ontvangst).

<#if byMail>
De beroepscommissie heeft het dossier ook per e-mail ontvangen (${appealsEmail}).
<#else>
Er is geen e-mailadres van de beroepscommissie ingesteld: de brief moet per post.
</#if>
Bijgevoegd is de brief met de gronden en het volledige dossier (PDF, ook bewaard in het register). Print de brief, onderteken hem en stuur hem per post aan:

  ${appealsName}<#if appealsTitle?has_content>, ${appealsTitle}</#if>
  ${appealsAddress}

De uitspraak of een nieuwe termijn legt de beroepscommissie vast met BEROEP-GEGROND, BEROEP-ONGEGROND of BEROEP-VERLENG als antwoord op een mail over dit dossier.

Referentie: ${reference}
