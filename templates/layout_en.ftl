<#-- The English text mails' shared pieces (CONTRACT §4), found by FreeMarker's localized lookup
     for a letter in English; as layout.ftl, paragraphs stand on one line. -->
<#macro signature>
Kind regards,

${chairName}
${chairTitle}
${committee}
</#macro>
<#macro salutation>
<#if !(ownGreeting!false)>
Dear <#if complainantName?has_content>${complainantName}<#else>Sir or Madam</#if>,

</#if>
</#macro>
<#-- The register's Dutch field labels (RegisterFields), as the English mail names them. -->
<#function label dutch>
<#local english = {"Naam": "Name", "Adres": "Address", "Woonplaats": "City", "Product": "Product",
    "Producten": "Products", "Datum ontstaan": "Date of occurrence", "Medewerker": "Employee",
    "Namens": "On behalf of", "Onderwerp": "Subject"}>
<#return english[dutch]!dutch>
</#function>
<#-- The register's Dutch words for an assessment or outcome, in English. -->
<#function term dutch>
<#local english = {"gegrond": "upheld", "ongegrond": "rejected", "deels gegrond": "partly upheld",
    "in behandeling": "in progress", "afgehandeld": "handled", "ingetrokken": "withdrawn"}>
<#return english[dutch?lower_case]!dutch>
</#function>
